package org.podloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What must hold in deploy/: probes on real endpoints, ports that agree, no secret values committed. */
class DeployFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of("deploy/k8s");

    private static List<JsonNode> kubernetesObjects() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                YAML.readValues(YAML.getFactory().createParser(file.toFile()), JsonNode.class)
                        .readAll()
                        .forEach(objects::add);
            }
        }
        return objects;
    }

    private static JsonNode kind(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    @Test
    void theDeploymentRunsTwoReplicasWithProbesOnTheActuatorEndpointsOfItsOwnPort() throws IOException {
        List<JsonNode> objects = kubernetesObjects();
        JsonNode deployment = kind(objects, "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        String portName = container.at("/ports/0/name").asText();
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo(portName);
        }
        assertThat(kind(objects, "Service").at("/spec/ports/0/targetPort").asText())
                .isEqualTo(portName);
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(kind(objects, "Service").at("/spec/selector")).isEqualTo(labels);
        assertThat(kind(objects, "PodDisruptionBudget").at("/spec/selector/matchLabels"))
                .isEqualTo(labels);
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(labels);
    }

    @Test
    void theDatabaseIsTheCloudNativePgClusterAndEverySecretIsAReference() throws IOException {
        List<JsonNode> objects = kubernetesObjects();
        JsonNode cluster = kind(objects, "Cluster");
        JsonNode env = kind(objects, "Deployment").at("/spec/template/spec/containers/0/env");

        assertThat(cluster.path("apiVersion").asText()).startsWith("postgresql.cnpg.io/");
        List<String> urls = env.findValuesAsText("value").stream()
                .filter(v -> v.startsWith("jdbc:"))
                .toList();
        assertThat(urls)
                .singleElement()
                .asString()
                .contains("//" + cluster.at("/metadata/name").asText() + "-rw:5432/");
        env.forEach(variable -> {
            if (variable.path("name").asText().contains("PASSWORD")) {
                assertThat(variable.has("value"))
                        .as(variable.path("name").asText() + " must come from a Secret")
                        .isFalse();
                assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
            }
        });
        assertThat(objects).noneMatch(o -> "Secret".equals(o.path("kind").asText()));
        JsonNode volumes = kind(objects, "Deployment").at("/spec/template/spec/volumes");
        assertThat(volumes.findValuesAsText("name")).contains("podloop-processes", "podloop-rules");
    }

    @Test
    void composeRunsTwoIdenticalNodesOnOnePostgresqlBehindOneAddressWithoutCommittedPasswords() throws IOException {
        // SnakeYAML resolves the anchor that node2 shares with node1, as Compose does.
        JsonNode compose =
                YAML.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("deploy/compose.yaml"))));
        JsonNode services = compose.get("services");

        assertThat(services.get("node1")).isEqualTo(services.get("node2"));
        assertThat(services.at("/node1/environment/SPRING_DATASOURCE_URL").asText())
                .isEqualTo("jdbc:postgresql://db:5432/podloop");
        assertThat(services.at("/node1/expose/0").asText()).isEqualTo("8080");
        assertThat(services.at("/lb/ports/0").asText()).isEqualTo("8080:80");
        List<String> passwords = new ArrayList<>(List.of(
                services.at("/db/environment/POSTGRES_PASSWORD").asText(),
                services.at("/node1/environment/SPRING_DATASOURCE_PASSWORD").asText(),
                services.at("/node1/environment/PODLOOP_ADMIN_PASSWORD").asText()));
        assertThat(passwords).allSatisfy(p -> assertThat(p).startsWith("${").contains(":?"));
        String nginx = Files.readString(Path.of("deploy/nginx.conf"));
        assertThat(nginx).contains("server node1:8080;", "server node2:8080;", "listen 80;");
    }

    @Test
    void theImageRunsTheLayeredJarAsANonRootUserOnPort8080() throws IOException {
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));

        assertThat(dockerfile).contains("extract --layers", "EXPOSE 8080", "MaxRAMPercentage", "JarLauncher");
        String user = dockerfile
                .lines()
                .filter(l -> l.startsWith("USER "))
                .findFirst()
                .orElseThrow()
                .substring(5)
                .trim();
        assertThat(user).isNotIn("0", "root");
    }
}
