package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.podloop.support.PodloopClient;
import org.podloop.support.WebappSession;

/**
 * A task's due date changed as the Tasklist does it: PUT back the whole task as read, {@code camundaFormRef}
 * included (our tasks all have a Camunda Form), with a new {@code due}. It used to fail for everyone with
 * "Cannot construct instance of CamundaFormRef" (see EngineRestJson).
 */
class TaskDueDateTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_DUE = "2031-05-06T07:08:09.000+0000";

    private String taskId;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    @BeforeEach
    void aTaskOfHerPod() {
        String loopId = client.postSnapshot(team, "baseline", Map.of("psychological_safety", 38.0))
                .body()
                .at("/loop/id")
                .asText();
        taskId = client.loopTask("paula", "pod-" + team, loopId, "Task_ChooseIntervention")
                .get("id")
                .asText();
    }

    private ObjectNode asReadWithNewDue(String user) {
        JsonNode task = client.get(user, "/engine-rest/task/" + taskId).body();
        assertThat(task.at("/camundaFormRef/key").asText())
                .as("the body the Tasklist sends names the form")
                .isEqualTo("Form_ChooseIntervention");
        ObjectNode changed = task.deepCopy();
        changed.put("due", NEW_DUE);
        return changed;
    }

    @Test
    void throughEngineRestTheTaskAsReadWithANewDueDateIsTaken() {
        PodloopClient.Response put =
                client.send("demo", "PUT", "/engine-rest/task/" + taskId, asReadWithNewDue("demo"));

        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(204);
        JsonNode after = client.get("paula", "/engine-rest/task/" + taskId).body();
        assertThat(after.at("/due").asText()).startsWith("2031-05-06T07:08:09.000");
        assertThat(after.at("/camundaFormRef/key").asText())
                .as("still reported on the way out")
                .isEqualTo("Form_ChooseIntervention");
    }

    @Test
    void aPodMemberIsToldHerRoleDoesNotChangeTasksNotShownAJavaException() {
        // candidates get TASK_WORK, not UPDATE (EngineHardening): a pod claims and completes, the process sets dates
        PodloopClient.Response put =
                client.send("paula", "PUT", "/engine-rest/task/" + taskId, asReadWithNewDue("paula"));

        assertThat(put.status()).isEqualTo(403);
        assertThat(put.body().toString()).doesNotContain("CamundaFormRef").contains("UPDATE");
    }

    @Test
    void inTheTasklistTheTaskAsReadWithANewDueDateIsTaken() throws Exception {
        WebappSession tasklist = WebappSession.logIn(port, "demo");
        ObjectNode task =
                (ObjectNode) JSON.readTree(tasklist.get("task/" + taskId).body());
        assertThat(task.has("camundaFormRef")).isTrue();
        task.put("due", NEW_DUE);

        HttpResponse<String> put = tasklist.put("task/" + taskId, JSON.writeValueAsString(task));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(JSON.readTree(tasklist.get("task/" + taskId).body())
                        .at("/due")
                        .asText())
                .startsWith("2031-05-06T07:08:09.000");
    }
}
