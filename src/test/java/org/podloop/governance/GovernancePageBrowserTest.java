package org.podloop.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.podloop.support.BrowserTest;

/** The governance page in real Chromium, as gina reads it. */
class GovernancePageBrowserTest extends BrowserTest {

    private void logInToGovernance(String user) {
        logIn(user);
        browser.findElement(By.id("governance")).click();
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }

    private void screenshotOf(String elementId, String name) {
        js("document.getElementById(arguments[0]).scrollIntoView(true);", elementId);
        screenshot(name);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * Fetches {@code href} in the browser's own session, as following the link does: status, type and the
     * first line of the body.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                                + ".then(r => r.text().then(t => done({status: r.status,"
                                + " type: r.headers.get('content-type') || '', disposition: r.headers.get('content-disposition') || '',"
                                + " first: t.split(/\\r?\\n/)[0], lines: t.split(/\\r?\\n/).filter(l => l).length})))"
                                + ".catch(e => done({status: -1, type: String(e), first: '', lines: 0}));",
                        href);
    }

    /** Four weeks of a team's steady metrics, then the tour: a low baseline, speak-up-round, a better re-measure. */
    private String aLoopWithHistory() {
        Instant now = Instant.now();
        for (int week = 3; week >= 1; week--) {
            client.postSnapshot(
                    team,
                    "week-" + week,
                    now.minus(Duration.ofDays(7L * week)),
                    Map.of("psychological_safety", 70.0 + week % 2, "feedback_rate", 2.0 + week % 2 / 10.0));
        }
        return walkALoop(
                Map.of("psychological_safety", 38.0, "feedback_rate", 0.6),
                Map.of("psychological_safety", 66.0, "feedback_rate", 1.4));
    }

    @Test
    void governanceReadsALoopsRecordSeesTheMarksAndDownloadsTheCsv() {
        String loopId = aLoopWithHistory();
        logInToGovernance("gina");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loops")));
        // the pattern filter is a select of the catalogue's patterns, and case does not matter in the address
        assertThat(new Select(browser.findElement(By.name("pattern")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .contains("SUPPRESSED_FEEDBACK", "HIDDEN_DISAGREEMENT");
        browser.get("http://localhost:" + port + "/governance?team=" + team + "&pattern=suppressed_feedback");
        assertThat(browser.findElement(By.id("chain")).getText()).contains("Intact");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.loop-row"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).findElement(By.cssSelector(".patterns")).getText())
                .contains("SUPPRESSED_FEEDBACK");
        assertThat(rows.get(0).findElement(By.cssSelector(".current-step")).getText())
                .isEqualTo("closed");
        assertThat(rows.get(0).findElement(By.cssSelector(".last-outcome")).getText())
                .isEqualTo("REDUCED");
        screenshot("governance-overview");

        browser.findElement(By.cssSelector("a.timeline-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("canvas.trend-chart")));

        // the record as sentences, with the evidence
        String record = browser.findElement(By.id("timeline")).getText();
        assertThat(record)
                .contains("demo opened the loop for team " + team + ": snapshot “baseline” showed SUPPRESSED_FEEDBACK")
                .contains("paula chose speak-up-round (time-box 14 days).")
                .contains("paula reported on the run: “done”.")
                .contains("Verification: REDUCED — ")
                .contains("Psychological safety improved from 38 to 66 points")
                .contains("(6 respondents each time)")
                .contains("gina decided CLOSE: “Verified reduction”.")
                .contains("The loop was closed.")
                .doesNotContain("{\"");
        assertThat(browser.findElements(By.cssSelector("li.audit-row"))).hasSizeGreaterThanOrEqualTo(12);
        // the raw entry is one click away
        WebElement firstRaw = browser.findElement(By.cssSelector("li.audit-row details"));
        assertThat(firstRaw.findElement(By.tagName("pre")).isDisplayed()).isFalse();
        firstRaw.findElement(By.tagName("summary")).click();
        assertThat(firstRaw.findElement(By.tagName("pre")).getText()).contains("\"hash\"", "LOOP_OPENED");

        // decisions and rationales in plain view
        String iterations = browser.findElement(By.id("iterations")).getText();
        assertThat(iterations)
                .contains(
                        "Iteration 1", "speak-up-round", "time-box 14 days", "REDUCED", "CLOSE", "Verified reduction");

        // one chart per unit, each with the intervention's span and the outcome's marker drawn on it
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>)
                js(
                        "return [...document.querySelectorAll('canvas.trend-chart')].map(c => { const ch = Chart.getChart(c);"
                                + " return {unit: ch.options.scales.y.title.text, points: ch.data.datasets.reduce((n, d) => n + d.data.length, 0),"
                                + " spans: (ch.$loopMarks || {}).spans || 0, outcomes: (ch.$loopMarks || {}).outcomes || 0}; });");
        assertThat(charts).extracting(c -> c.get("unit")).containsExactly("points", "events per person per sprint");
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("points")).intValue())
                    .as("points of %s", chart)
                    .isEqualTo(5);
            assertThat(((Number) chart.get("spans")).intValue())
                    .as("spans drawn on %s", chart)
                    .isEqualTo(1);
            assertThat(((Number) chart.get("outcomes")).intValue())
                    .as("outcomes drawn on %s", chart)
                    .isEqualTo(1);
        }
        assertThat(browser.findElement(By.id("marks")).getText())
                .contains(
                        "Iteration 1: Speak-up round in every planning and retro (time-box 14 days)",
                        "Iteration 1 → REDUCED");

        // the exports from the page answer in the page's session
        Map<String, Object> csv = fetch(browser.findElement(By.id("export-csv")).getAttribute("href"));
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("disposition")).contains("attachment", "loop-" + loopId + "-audit.csv");
        assertThat(csv.get("first")).isEqualTo("id,at,kind,loopId,actor,content,hash,previousHash");
        Map<String, Object> json =
                fetch(browser.findElement(By.id("export-json")).getAttribute("href"));
        assertThat(json.get("status")).isEqualTo(200L);
        assertThat((String) json.get("type")).startsWith("application/json");

        screenshotOf("summary", "governance-loop");
        screenshotOf("trend", "governance-loop-chart");
        screenshotOf("timeline", "governance-loop-record");

        browser.get("http://localhost:" + port + "/governance");
        Map<String, Object> chain =
                fetch(browser.findElement(By.id("chain-export")).getAttribute("href"));
        assertThat(chain.get("status")).isEqualTo(200L);
        assertThat((String) chain.get("type")).startsWith("application/jsonl");
        assertThat(((Number) chain.get("lines")).intValue()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void badIdsAndFiltersGetAPageInTheLayoutNotProblemJson() {
        logInToGovernance("gina");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("loops")));
        String base = "http://localhost:" + port;
        record Case(String path, long status, String message) {}
        UUID unknown = UUID.randomUUID();
        for (Case c : List.of(
                new Case("/governance/loops/" + unknown, 404, "No loop " + unknown),
                new Case("/governance/loops/" + unknown + "/audit.csv", 404, "No loop " + unknown),
                new Case("/governance/loops/not-a-loop", 400, "'not-a-loop' is not a loop id"),
                new Case(
                        "/governance?pattern=NO_SUCH_PATTERN",
                        400,
                        "'NO_SUCH_PATTERN' is not a pattern of the catalogue"),
                new Case("/governance?status=sleeping", 400, "'sleeping' is not a loop status"),
                new Case("/governance?team=no-such-team", 400, "There is no team 'no-such-team'"))) {
            Map<String, Object> answer = fetch(base + c.path());
            assertThat(answer.get("status")).as(c.path()).isEqualTo(c.status());
            assertThat((String) answer.get("type")).as(c.path()).startsWith("text/html");
            browser.get(base + c.path());
            assertThat(browser.findElement(By.id("error")).getText())
                    .as(c.path())
                    .contains(c.message());
            assertThat(browser.findElement(By.tagName("header")).getText()).contains("Podloop · Governance");
            assertThat(browser.getPageSource()).doesNotContain("\"detail\"");
        }
        screenshot("governance-error");
        browser.findElement(By.id("back")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("loops")));
    }

    @Test
    void aPodMemberIsRefused() {
        logIn("paula");
        // a pod member's login lands on the start page (logIn waits for it), not on a refusal
        browser.get("http://localhost:" + port + "/governance");
        screenshot("governance-refused");
        assertThat(browser.getPageSource()).contains("403").doesNotContain("Audit trail");
        assertThat(fetch("http://localhost:" + port + "/governance/audit/export.jsonl")
                        .get("status"))
                .isEqualTo(403L);
    }
}
