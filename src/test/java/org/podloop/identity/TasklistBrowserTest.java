package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.podloop.loop.ProcessIds;
import org.podloop.support.BrowserTest;

/**
 * The Camunda Tasklist as pod members use it, in real Chromium, with authorization on: paula works her
 * pod's choose task from the form; quinn, in another pod, never sees it.
 */
class TasklistBrowserTest extends BrowserTest {

    @Test
    void paulaChoosesAnInterventionFromHerPodsTaskInTheTasklist() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        logInToTasklist("paula");
        openFilter("My pod's tasks (" + team + ")");

        WebElement task = chromium.waitFor(d -> d.findElements(By.partialLinkText(chooseTaskName(team))).stream()
                .findFirst()
                .orElse(null));
        assertThat(browser.findElement(By.cssSelector("body")).getText())
                .contains("Due soon (" + team + ")")
                .as(
                        "actions a pod cannot use, and Camunda's migration banner, are hidden (tasklist/styles/user-styles.css)")
                .doesNotContain("Start process")
                .doesNotContain("Create task")
                .doesNotContain("Camunda 8");
        task.click();
        WebElement recommendations =
                chromium.waitFor(d -> d.findElements(By.cssSelector("textarea[id$='Field_Recommendations']")).stream()
                        .filter(t -> !t.getDomProperty("value").isBlank())
                        .findFirst()
                        .orElse(null));
        assertThat(recommendations.getDomProperty("value")).contains("speak-up-round");
        assertThat(browser.findElement(By.cssSelector("textarea[id$='Field_Findings']"))
                        .getDomProperty("value"))
                .contains("Serious: Suppressed feedback — Psychological safety: 38 of 100")
                .doesNotContain("SUPPRESSED_FEEDBACK", "ruleset");
        // the assistant's brief, as a draft the pod cannot edit
        WebElement brief = browser.findElement(By.cssSelector("textarea[id$='Field_AssistantBrief']"));
        assertThat(brief.getDomProperty("value")).startsWith("Draft by Podloop's assistant (built-in)");
        assertThat(brief.isEnabled()).isFalse();
        chromium.screenshot("tasklist-paula-choose");

        // as in the Tasklist by hand: claim, then fill in and complete
        browser.findElement(By.cssSelector("button.claim")).click();
        chromium.waitFor(d -> d.findElements(By.cssSelector("button.claim")).isEmpty() ? Boolean.TRUE : null);
        browser.findElement(By.cssSelector("input[id$='Field_InterventionId']")).sendKeys("speak-up-round");
        chromium.waitFor(d -> d.findElements(By.xpath("//button[normalize-space()='Complete']")).stream()
                        .filter(WebElement::isEnabled)
                        .findFirst()
                        .orElse(null))
                .click();

        chromium.waitFor(d -> client.tasks(
                                        "paula",
                                        Map.of(
                                                "processInstanceBusinessKey",
                                                loopId,
                                                "taskDefinitionKey",
                                                ProcessIds.TASK_RUN_INTERVENTION))
                                .size()
                        == 1
                ? Boolean.TRUE
                : null);
        chromium.screenshot("tasklist-paula-completed");
        assertThat(client.get("paula", "/api/loops/" + loopId)
                        .body()
                        .at("/iterations/0/interventionId")
                        .asText())
                .isEqualTo("speak-up-round");
    }

    @Test
    void quinnSeesHerOwnPodsTaskButNotPaulas() {
        String quinnsTeam = "q" + UUID.randomUUID().toString().substring(0, 8);
        client.createTeam(quinnsTeam, "quinn");
        client.postSnapshot(quinnsTeam, "baseline", Map.of("psychological_safety", 38.0));
        client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0));
        logInToTasklist("quinn");
        openFilter("My pod's tasks (" + quinnsTeam + ")");

        chromium.waitFor(d -> d.findElements(By.partialLinkText(chooseTaskName(quinnsTeam))).stream()
                .findFirst()
                .orElse(null));
        chromium.screenshot("tasklist-quinn");
        assertThat(browser.getPageSource())
                .doesNotContain(chooseTaskName(team))
                .doesNotContain("My pod's tasks (" + team + ")");
        assertThat(client.tasks("quinn", Map.of("candidateGroup", "pod-" + team)))
                .isEmpty();
    }

    private void openFilter(String name) {
        WebElement filter = chromium.waitFor(d ->
                d.findElements(By.partialLinkText(name)).stream().findFirst().orElse(null));
        // with many teams' filters the link may sit under the Tasklist's fixed footer: bring it into view first
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", filter);
        filter.click();
    }

    private static String chooseTaskName(String team) {
        return "Choose an intervention for team " + team;
    }

    private void logInToTasklist(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement password = chromium.waitFor(
                d -> d.findElements(By.cssSelector("form[name=signinForm] input[ng-model=password]")).stream()
                        .findFirst()
                        .orElse(null));
        WebElement name = browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
        // the login form moves the focus to the name field once it is ready: type each field where it is
        // clicked, and again if the keys went to the other one
        chromium.waitFor(d -> {
            name.clear();
            name.click();
            name.sendKeys(user);
            password.clear();
            password.click();
            password.sendKeys("demo");
            return user.equals(name.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"))
                    ? Boolean.TRUE
                    : null;
        });
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]"))
                .click();
        chromium.waitFor(d -> d.getCurrentUrl().contains("#/login") ? null : Boolean.TRUE);
    }
}
