package org.podloop.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.podloop.support.BrowserTest;

/** The team page in real Chromium, as paula, a member of the team's pod, reads it. */
class TeamPageBrowserTest extends BrowserTest {

    private void openTeamPage() {
        browser.get("http://localhost:" + port + "/teams/" + team);
        chromium.waitFor(page -> page.findElement(By.id("team-name")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Two respondents answer the safety survey: fewer than the privacy minimum, so no value is kept. */
    private void aWeekWithTooFewAnswers(Instant at) {
        List<Double> answers = Collections.nCopies(7, 4.0);
        assertThat(client.post(
                                "demo",
                                "/api/teams/" + team + "/snapshots",
                                Map.of(
                                        "externalId",
                                        "small-week",
                                        "measuredAt",
                                        at.toString(),
                                        "respondents",
                                        2,
                                        "surveys",
                                        Map.of("psychological_safety", List.of(answers, answers))))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void paulaSeesHerTeamsTrendWithTheLoopMarkedAndTheIterationInWords() {
        Instant now = Instant.now();
        client.postSnapshot(
                team,
                "week-3",
                now.minus(Duration.ofDays(21)),
                Map.of("psychological_safety", 71.0, "feedback_rate", 2.1));
        aWeekWithTooFewAnswers(now.minus(Duration.ofDays(14)));
        client.postSnapshot(
                team,
                "week-1",
                now.minus(Duration.ofDays(7)),
                Map.of("psychological_safety", 70.0, "feedback_rate", 2.0));
        walkALoop(
                Map.of("psychological_safety", 38.0, "feedback_rate", 0.6),
                Map.of("psychological_safety", 66.0, "feedback_rate", 1.4));

        logIn("paula");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("Team " + team);
        browser.findElement(By.linkText("Team " + team)).click();
        chromium.waitFor(page -> page.findElement(By.id("team-name")));
        chromium.waitFor(page -> page.findElement(By.cssSelector("canvas.trend-chart")));

        assertThat(browser.findElement(By.id("team-name")).getText()).isEqualTo("Team " + team);
        // the loop was closed: nothing is running
        assertThat(browser.findElement(By.id("now")).getText()).contains("No loop is open for the team right now");

        // the iteration as one sentence, in the catalogue's words
        List<String> sentences = browser.findElements(By.cssSelector("li.iteration-sentence")).stream()
                .map(e -> e.getText())
                .toList();
        assertThat(sentences).hasSize(1);
        assertThat(sentences.get(0))
                .startsWith("Iteration 1: the pod ran “Speak-up round in every planning and retro”")
                .contains("Psychological safety went from 38 to 66 points")
                .contains("— friction reduced")
                .endsWith("governance closed the loop.")
                .doesNotContain("psychological_safety", "speak-up-round");

        // one chart per unit, each with the intervention's span and the outcome drawn on it
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>)
                js(
                        "return [...document.querySelectorAll('canvas.trend-chart')].map(c => { const ch = Chart.getChart(c);"
                                + " return {unit: ch.options.scales.y.title.text,"
                                + " points: ch.data.datasets.reduce((n, d) => n + d.data.filter(p => p.y !== null).length, 0),"
                                + " gaps: ch.data.datasets.reduce((n, d) => n + d.data.filter(p => p.y === null).length, 0),"
                                + " spans: (ch.$loopMarks || {}).spans || 0, outcomes: (ch.$loopMarks || {}).outcomes || 0}; });");
        assertThat(charts).extracting(c -> c.get("unit")).containsExactly("points", "events per person per sprint");
        assertThat(charts.get(0)).containsEntry("points", 4L).containsEntry("gaps", 1L);
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("spans")).intValue())
                    .as("spans on %s", chart)
                    .isEqualTo(1);
            assertThat(((Number) chart.get("outcomes")).intValue())
                    .as("outcomes on %s", chart)
                    .isEqualTo(1);
        }
        assertThat(browser.findElement(By.id("charts")).getText())
                .contains("Psychological safety — points")
                .contains("fewer than 3 respondents");
        // the browser shows times in the reader's zone; the page itself never shows a raw key
        assertThat(browser.findElement(By.cssSelector("#history time")).getAttribute("datetime"))
                .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .doesNotContain("psychological_safety", "feedback_rate", "REDUCED");

        browser.manage().window().setSize(new Dimension(1100, 1900));
        chromium.screenshot("team-page");
    }

    @Test
    void whileTheInterventionRunsThePageSaysUntilWhenAndWhatComesNext() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        logIn("paula");
        openTeamPage();
        assertThat(browser.findElement(By.id("current-step")).getText())
                .startsWith(
                        "The pod chooses an intervention (recommended: “Speak-up round in every planning and retro”");
        chromium.screenshot("team-page-choosing");

        client.complete(
                "paula",
                client.loopTask("paula", "pod-" + team, loopId, "Task_ChooseIntervention")
                        .get("id")
                        .asText(),
                Map.of("interventionId", "speak-up-round"));
        openTeamPage();
        assertThat(browser.findElement(By.id("current-step")).getText())
                .startsWith("The pod runs the intervention “Speak-up round in every planning and retro” until ");
        assertThat(browser.findElement(By.cssSelector("#current-step time")).getAttribute("datetime"))
                .endsWith("Z");
        assertThat(browser.findElement(By.id("next-step")).getText()).contains("governance decides");
        assertThat(browser.findElements(By.cssSelector("li.iteration-sentence")))
                .isEmpty();

        client.complete(
                "paula",
                client.loopTask("paula", "pod-" + team, loopId, "Task_RunIntervention")
                        .get("id")
                        .asText(),
                Map.of("outcomeNotes", "done"));
        openTeamPage();
        assertThat(browser.findElement(By.id("current-step")).getText())
                .contains("Waiting for the re-measurement: pulse round open, 0 of 1 answered, closes ");
        assertThat(browser.findElement(By.id("open-round")).getText())
                .contains("Your answer is part of the re-measurement")
                .contains("Answer it on your pulse page");
        chromium.screenshot("team-page-remeasuring");
    }
}
