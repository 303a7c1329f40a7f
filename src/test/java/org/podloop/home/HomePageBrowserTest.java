package org.podloop.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.podloop.support.BrowserTest;

/** The front door in real Chromium: one login, and a start page that shows each person what she can do. */
class HomePageBrowserTest extends BrowserTest {

    @Override
    protected String[] teamMembers() {
        // a pulse round asks at least three, so that no answer can be told apart
        return new String[] {"paula", "pete", "priya"};
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void submitLogin(String user, String password) {
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    @Test
    void aPodMemberLandsOnHerStartPageWithHerRoundAndHerTeam() {
        var opened = client.post(
                "paula", "/api/teams/" + team + "/pulses", Map.of("metrics", List.of("psychological_safety")));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        String round = opened.body().at("/id").asText();
        browser.get(base() + "/login");
        chromium.screenshot("home-login");
        assertThat(browser.getTitle()).contains("Podloop");

        submitLogin("paula", "demo");
        chromium.waitFor(page -> page.getCurrentUrl().equals(base() + "/"));
        chromium.screenshot("home-pod-member");
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("Podloop");
        assertThat(browser.findElement(By.id("welcome")).getText()).contains("paula");
        assertThat(browser.findElement(By.cssSelector("#pulse [data-round='" + round + "']"))
                        .getText())
                .contains("Team " + team)
                .contains("Answer");
        assertThat(browser.findElement(By.cssSelector("#places [data-team='" + team + "']"))
                        .getAttribute("href"))
                .isEqualTo(base() + "/teams/" + team);
        assertThat(browser.findElement(By.id("tasklist")).getAttribute("href"))
                .isEqualTo(base() + "/camunda/app/tasklist/default/");
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("Your tasks");
        assertThat(browser.findElements(By.id("governance")))
                .as("paula governs nothing")
                .isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Camunda 8");
    }

    @Test
    void governanceLandsOnTheStartPageWithTheGovernanceLink() {
        submitLogin("gina", "demo");
        chromium.waitFor(page -> page.getCurrentUrl().equals(base() + "/"));
        chromium.screenshot("home-governance");
        assertThat(browser.findElement(By.id("no-round")).getText()).contains("No pulse round is open");
        // other tests leave governance decisions open in the shared database: the section, not its emptiness
        assertThat(browser.findElement(By.id("tasks")).getText()).startsWith("Your tasks");
        browser.findElement(By.id("governance")).click();
        chromium.waitFor(page -> page.findElement(By.id("loops")));
        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/governance");
    }

    @Test
    void aWrongPasswordSaysSoNextToTheForm() {
        // not a real member: failed logins lock an account, and other tests log in as paula
        submitLogin("nobody-here", "not-a-password");
        chromium.waitFor(page -> page.getCurrentUrl().endsWith("/login?error"));
        chromium.screenshot("home-login-error");
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("Wrong user name or password");
        assertThat(browser.findElements(By.id("username"))).hasSize(1);
    }

    @Test
    void anAskedForPageWinsOverTheStartPageAndUnknownPagesAreAPodloopPage() {
        browser.get(base() + "/pulse");
        chromium.waitFor(page -> page.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys("paula");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waitFor(page -> page.getCurrentUrl().startsWith(base() + "/pulse"));

        browser.get(base() + "/no-such-page");
        chromium.screenshot("home-not-found");
        assertThat(browser.findElement(By.id("status")).getText()).contains("404");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        browser.findElement(By.id("back")).click();
        chromium.waitFor(page -> page.getCurrentUrl().equals(base() + "/"));

        browser.findElement(By.cssSelector("header form button")).click();
        chromium.waitFor(page -> page.getCurrentUrl().endsWith("/login?logout"));
        assertThat(browser.findElement(By.id("logged-out")).getText()).contains("logged out");
    }
}
