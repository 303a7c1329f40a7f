package org.podloop.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.podloop.support.BrowserTest;

/** The governance page in real Chromium. */
class GovernancePageBrowserTest extends BrowserTest {

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void screenshot(String name) {
        chromium.screenshot(name);
    }

    @Test
    void governanceOpensALoopsTimelineAndSeesTheTrendChart() {
        walkALoop();
        logIn("gina");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loops")));
        browser.get("http://localhost:" + port + "/governance?team=" + team);
        assertThat(browser.findElement(By.id("chain")).getText()).contains("Intact");
        assertThat(browser.findElements(By.cssSelector("tr.loop-row"))).hasSize(1);
        screenshot("governance-overview");

        browser.findElement(By.cssSelector("a.timeline-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trendChart")));

        assertThat(browser.findElements(By.cssSelector("tr.audit-row")).size()).isGreaterThanOrEqualTo(12);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("TASK_COMPLETED", "gina", "LOOP_CLOSED");
        Object points = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = Chart.getChart('trendChart'); return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1;");
        assertThat(((Number) points).intValue())
                .as("points drawn in the trend chart")
                .isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("marks")).getText()).contains("speak-up-round → REDUCED");
        screenshot("governance-loop");
    }

    @Test
    void aPodMemberIsRefused() {
        logIn("paula");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.getPageSource().contains("403"));
        screenshot("governance-refused");
        browser.get("http://localhost:" + port + "/governance");
        assertThat(browser.getPageSource()).contains("403").doesNotContain("Audit trail");
    }
}
