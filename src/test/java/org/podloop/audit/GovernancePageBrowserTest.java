package org.podloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.podloop.support.ApiTest;

/** The governance page in real Chromium (Debian's chromium and chromium-driver, which .ci/run installs). */
class GovernancePageBrowserTest extends ApiTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private WebDriver browser;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void startChromium() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1200",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void governanceOpensALoopsTimelineAndSeesTheTrendChart() throws IOException {
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
        Object points = ((JavascriptExecutor) browser).executeScript(
                "const c = Chart.getChart('trendChart'); return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1;");
        assertThat(((Number) points).intValue()).as("points drawn in the trend chart").isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("marks")).getText()).contains("speak-up-round → REDUCED");
        screenshot("governance-loop");
    }

    @Test
    void aPodMemberIsRefused() throws IOException {
        logIn("paula");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("403"));
        screenshot("governance-refused");
        browser.get("http://localhost:" + port + "/governance");
        assertThat(browser.getPageSource()).contains("403").doesNotContain("Audit trail");
    }
}
