package org.podloop.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A test of a page in real Chromium against the running application, on a fresh team of paula's. */
public abstract class BrowserTest extends ApiTest {

    @RegisterExtension
    protected final Browser chromium = new Browser();

    protected WebDriver browser;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void useChromium() {
        browser = chromium.driver();
    }

    /** Logs in on Podloop's login page as a person does (password {@code demo}), as a fresh session. */
    protected void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        chromium.waitFor(page -> !page.getCurrentUrl().contains("/login"));
    }

    protected void logOut() {
        browser.findElement(By.cssSelector("header form button")).click();
        chromium.waitFor(page -> page.getCurrentUrl().contains("/login"));
    }
}
