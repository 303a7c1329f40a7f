package org.podloop.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
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
}
