package org.podloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole-chain export for archiving: every entry in chain order with its hashes, streamed, and
 * re-verifiable offline by an algorithm written here from the README's description alone (not
 * AuditTrail's code), and by the script shipped in {@code deploy/audit/}.
 */
class AuditExportTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("deploy", "audit", "verify-audit-export.py");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditExports exports;

    @Autowired
    PlatformTransactionManager transactions;

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    /**
     * The auditor's check: each line's SHA-256 over the fields of its format, each followed by 0x1F, linking
     * to the line before.
     */
    private static String firstProblem(List<String> lines) throws Exception {
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            JsonNode entry = JSON.readTree(lines.get(i));
            if (!entry.get("previousHash").asText().equals(previous)) {
                return "line " + (i + 1) + " does not link";
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String[] fields = entry.get("format").asInt() == 2
                    ? new String[] {
                        "format",
                        "previousHash",
                        "recordedAt",
                        "kind",
                        "loopId",
                        "team",
                        "actor",
                        "actorRoles",
                        "content"
                    }
                    : new String[] {"previousHash", "recordedAt", "kind", "loopId", "actor", "content"};
            for (String field : fields) {
                JsonNode value = entry.get(field);
                sha256.update((value.isNull() ? "null" : value.asText()).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0x1f);
            }
            if (!HexFormat.of()
                    .formatHex(sha256.digest())
                    .equals(entry.get("hash").asText())) {
                return "line " + (i + 1) + " does not match its hash";
            }
            previous = entry.get("hash").asText();
        }
        return null;
    }

    private static List<String> lines(String body) {
        return body.lines().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void theExportHoldsTheWholeChainInOrderAndVerifiesOffline() throws Exception {
        String loopId = walkALoop();

        HttpResponse<String> export = client.getText("gina", "/api/audit/export.jsonl");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/jsonl"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", ".jsonl"));
        // streamed as it is read: no length known up front
        assertThat(export.headers().firstValue("Content-Length")).isEmpty();

        List<String> lines = lines(export.body());
        long chainLength =
                client.get("gina", "/api/audit/verify").body().get("entries").asLong();
        assertThat((long) lines.size()).isLessThanOrEqualTo(chainLength).isGreaterThan(0);
        assertThat(JSON.readTree(lines.get(0)).get("previousHash").asText()).isEmpty();
        assertThat(firstProblem(lines)).isNull();
        // the loop's entries are in it, in the order of the loop's own record, with the same hashes
        List<String> loopHashes = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            if (loopId.equals(entry.get("loopId").asText(null))) {
                loopHashes.add(entry.get("hash").asText());
            }
        }
        List<String> recorded = new ArrayList<>();
        client.get("gina", "/api/loops/" + loopId + "/audit")
                .body()
                .forEach(r -> recorded.add(r.get("hash").asText()));
        assertThat(loopHashes).isEqualTo(recorded).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void aChangedEntryOrAMissingOneIsFoundOffline() throws Exception {
        walkALoop();
        List<String> lines =
                lines(client.getText("gina", "/api/audit/export.jsonl").body());
        int middle = lines.size() / 2;

        List<String> changed = new ArrayList<>(lines);
        ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(middle));
        entry.put("actor", "someone-else");
        changed.set(middle, JSON.writeValueAsString(entry));
        assertThat(firstProblem(changed)).isEqualTo("line " + (middle + 1) + " does not match its hash");

        List<String> missing = new ArrayList<>(lines);
        missing.remove(middle);
        assertThat(firstProblem(missing)).isEqualTo("line " + (middle + 1) + " does not link");
    }

    @Test
    void theExportIsWrittenPageByPageNotHeldWhole() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 2100; i++) {
                trail.append("EXPORT_VOLUME_TEST", EntryScope.team(team), "demo", Map.of("n", i, "team", team));
            }
        });
        List<Integer> bytesAtEachFlush = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        OutputStream client = new OutputStream() {
            @Override
            public void write(int b) {
                received.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                received.write(b, off, len);
            }

            @Override
            public void flush() {
                bytesAtEachFlush.add(received.size());
            }
        };

        exports.chainJsonLines(client);

        List<String> lines = lines(received.toString(StandardCharsets.UTF_8));
        assertThat(lines.size()).isGreaterThanOrEqualTo(2100);
        assertThat(firstProblem(lines)).isNull();
        // one flush per page of 1000 entries: the client has the first pages before the last is read
        assertThat(bytesAtEachFlush.stream().filter(n -> n > 0).distinct().count())
                .isGreaterThanOrEqualTo(lines.size() / 1000);
        assertThat(bytesAtEachFlush.get(0)).isLessThan(received.size());
    }

    @Test
    void theShippedScriptVerifiesTheExportAndFindsAChange(@TempDir Path dir) throws Exception {
        assumeThat(python3()).as("python3 on the PATH").isTrue();
        walkALoop();
        String body = client.getText("gina", "/api/audit/export.jsonl").body();
        Path export = Files.writeString(dir.resolve("podloop-audit.jsonl"), body);
        List<String> lines = lines(body);

        Script intact = run(export);
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output())
                .startsWith("intact: " + lines.size() + " entries, last hash "
                        + JSON.readTree(lines.get(lines.size() - 1)).get("hash").asText());

        Path tampered = Files.writeString(
                dir.resolve("tampered.jsonl"),
                body.replaceFirst("\"kind\":\"LOOP_OPENED\"", "\"kind\":\"LOOP_CLOSED\""));
        Script broken = run(tampered);
        assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN", "does not match its hash");
    }

    private record Script(int exit, String output) {}

    private static Script run(Path export) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), export.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Script(process.exitValue(), output.strip());
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
