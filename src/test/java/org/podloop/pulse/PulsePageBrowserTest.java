package org.podloop.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.podloop.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The pulse in real Chromium, as three pod members answer it and see their team's result only once it closed. */
class PulsePageBrowserTest extends BrowserTest {

    private static final String SAFETY = "psychological_safety";
    private static final List<List<Integer>> ANSWERS =
            List.of(List.of(2, 6, 2, 6, 2, 6, 6), List.of(3, 5, 3, 5, 3, 5, 5), List.of(1, 7, 1, 7, 1, 7, 7));

    @Autowired
    ProcessEngine engine;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula", "pete", "priya"};
    }

    /** Answers every statement as a person does: by clicking the number's label. */
    private void answer(String round, List<Integer> values) {
        browser.get("http://localhost:" + port + "/pulse/" + round);
        chromium.waitFor(page -> page.findElement(By.id("answers")));
        assertThat(browser.findElement(By.id("answers")).getText()).contains("Your answer is final");
        for (int i = 0; i < values.size(); i++) {
            browser.findElement(By.xpath(
                            "//input[@name='a." + SAFETY + "." + i + "' and @value='" + values.get(i) + "']/.."))
                    .click();
        }
        browser.findElement(By.id("send")).click();
        chromium.waitFor(page -> page.getCurrentUrl().endsWith("/pulse"));
    }

    @Test
    void threeMembersAnswerAndNobodySeesAValueUntilTheRoundCloses() {
        String round = client.post("paula", "/api/teams/" + team + "/pulses", Map.of("metrics", List.of(SAFETY)))
                .body()
                .at("/id")
                .asText();

        logIn("paula");
        assertThat(browser.getCurrentUrl())
                .as("a pod member lands on the start page")
                .isEqualTo("http://localhost:" + port + "/");
        browser.get("http://localhost:" + port + "/pulse");
        assertThat(browser.findElement(By.cssSelector("[data-round='" + round + "']"))
                        .getText())
                .contains("0 of 3 answered");
        chromium.screenshot("pulse-list");
        browser.get("http://localhost:" + port + "/pulse/" + round);
        chromium.screenshot("pulse-round");
        answer(round, ANSWERS.get(0));
        assertThat(browser.findElement(By.id("thanks")).getText()).contains("cannot be changed");
        assertThat(browser.findElement(By.cssSelector("[data-round='" + round + "']"))
                        .getText())
                .contains("1 of 3 answered")
                .contains("You answered");
        logOut();

        logIn("pete");
        answer(round, ANSWERS.get(1));
        // before the last answer: pages and API show how many answered, never a value
        browser.get("http://localhost:" + port + "/pulse/" + round);
        assertThat(browser.findElement(By.id("progress")).getText()).startsWith("2 of 3 answered");
        assertThat(browser.findElements(By.id("results"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContainPattern("\\d+\\.\\d");
        JsonNode status = client.get("pete", "/api/pulses/" + round).body();
        assertThat(status.has("aggregates")).isFalse();
        assertThat(client.get("paula", "/api/teams/" + team + "/snapshots")
                        .body()
                        .at("/total")
                        .asInt())
                .isZero();
        logOut();

        logIn("priya");
        answer(round, ANSWERS.get(2));
        closeInTheBackground(round);

        JsonNode closed = client.get("priya", "/api/pulses/" + round).body();
        assertThat(closed.at("/state").asText()).isEqualTo("CLOSED");
        JsonNode snapshot =
                client.get("paula", "/api/teams/" + team + "/snapshots").body().at("/items/0");
        assertThat(snapshot.at("/externalId").asText()).isEqualTo("pulse-" + round);
        assertThat(snapshot.at("/respondents").asInt()).isEqualTo(3);
        assertThat(snapshot.at("/metrics/" + SAFETY + "/respondents").asInt()).isEqualTo(3);
        // every answer set is one point of the scale throughout (reverse-scored items mirrored): 6, 5 and 7 of 7,
        // that is 83.3, 66.7 and 100 on 0–100
        assertThat(snapshot.at("/metrics/" + SAFETY + "/mean").asDouble()).isCloseTo(83.33, within(0.01));
        assertThat(snapshot.at("/metrics/" + SAFETY + "/sd").isNumber())
                .as("no spread from three: it would give the others' scores away")
                .isFalse();
        browser.get("http://localhost:" + port + "/pulse/" + round);
        assertThat(browser.findElement(By.id("results")).getText())
                .contains("Psychological safety")
                .contains(String.format(
                        "%.1f", snapshot.at("/metrics/" + SAFETY + "/mean").asDouble()));
        chromium.screenshot("pulse-results");
    }

    @Test
    void anotherTeamsRoundIsAPageSayingSoNotAForm() {
        String round = client.post("paula", "/api/teams/" + team + "/pulses", Map.of("metrics", List.of(SAFETY)))
                .body()
                .at("/id")
                .asText();
        logIn("quinn");
        browser.get("http://localhost:" + port + "/pulse/" + round);
        assertThat(browser.findElement(By.id("message")).getText()).contains("another team");
        assertThat(browser.findElements(By.id("answers"))).isEmpty();
        browser.get("http://localhost:" + port + "/pulse/" + UUID.randomUUID());
        assertThat(browser.findElement(By.id("message")).getText()).contains("does not exist");
    }

    /** The last answer hands closing to a job (so that nothing about it names her); the job executor is off in tests. */
    private void closeInTheBackground(String round) {
        PulseJobs.runDue(engine, UUID.fromString(round));
    }
}
