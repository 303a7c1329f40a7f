package org.podloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.podloop.identity.Directory;
import org.podloop.support.BrowserTest;
import org.podloop.support.PodloopClient;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's nudges on her start page and her choices on /notifications, in real Chromium. */
class NotificationPageBrowserTest extends BrowserTest {

    @Autowired
    private Directory directory;

    @Autowired
    private NudgeDispatcher dispatcher;

    private String member;

    @Override
    protected String[] teamMembers() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        member = "lea" + tag;
        List<String> members = List.of(member, "lou" + tag, "liv" + tag);
        members.forEach(
                user -> directory.ensureUser(user, "Lea", "Test", PodloopClient.PASSWORD, user + "@nudges.test"));
        return members.toArray(String[]::new);
    }

    @AfterEach
    void freeTheLease() {
        jdbc.update("update nudge_dispatch_lease set holder = null, held_until = null");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void setValue(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
    }

    @Test
    void sheSeesWhatPodloopToldHerAndChangesHowItMayReachHer() {
        assertThat(client.send(member, "PUT", "/api/me/notifications", Map.of("email", false))
                        .status())
                .isEqualTo(200);
        String round = client.post(member, "/api/teams/" + team + "/pulses", Map.of())
                .body()
                .path("id")
                .asText();
        dispatcher.dispatch(Instant.now());

        logIn(member);
        WebElement nudges = browser.findElement(By.id("nudges"));
        assertThat(nudges.getText())
                .contains("Pulse for team " + team + ": how is it going?")
                .contains("shown here only (you turned mail off)");
        assertThat(nudges.findElement(By.linkText("Pulse for team " + team + ": how is it going?"))
                        .getAttribute("href"))
                .isEqualTo(base() + "/pulse/" + round);
        chromium.screenshot("notifications-start-page");

        browser.findElement(By.id("notification-settings")).click();
        chromium.waitFor(page -> page.getCurrentUrl().endsWith("/notifications"));
        assertThat(browser.findElement(By.id("email")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("recent")).getText()).contains("Pulse for team " + team);

        // a mistake is said next to the form, and nothing is stored
        browser.findElement(By.id("email")).click();
        setValue("quietFrom", "22:00");
        setValue("quietTo", "22:00");
        browser.findElement(By.id("save")).click();
        chromium.waitFor(page -> !page.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText())
                .isEqualTo("Quiet hours, to: must differ from the start (from); leave the quiet hours out for none.");
        // what she entered is still there to correct
        assertThat(browser.findElement(By.id("email")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("quietFrom")).getAttribute("value"))
                .isEqualTo("22:00");
        chromium.screenshot("notifications-refused");
        assertThat(client.get(member, "/api/me/notifications")
                        .body()
                        .path("email")
                        .asBoolean())
                .isFalse();

        new Select(browser.findElement(By.id("timeZone"))).selectByValue("Europe/Berlin");
        setValue("quietFrom", "22:00");
        setValue("quietTo", "07:00");
        browser.findElement(By.id("save")).click();
        chromium.waitFor(page -> !page.findElements(By.id("notice")).isEmpty());
        chromium.screenshot("notifications-saved");
        assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Saved");
        assertThat(browser.findElement(By.id("email")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("timeZone")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Europe/Berlin");
        var saved = client.get(member, "/api/me/notifications").body();
        assertThat(saved.path("email").asBoolean()).isTrue();
        assertThat(saved.at("/quietHours/from").asText()).isEqualTo("22:00");
        assertThat(saved.at("/quietHours/to").asText()).isEqualTo("07:00");
    }
}
