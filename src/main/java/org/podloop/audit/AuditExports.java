package org.podloop.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The audit trail as files: one loop's record as CSV, and the whole chain as JSON Lines for archiving
 * and offline re-verification ({@code deploy/audit/verify-audit-export.py}). Served by the API and, in
 * the page's session, by the governance page.
 */
@Service
public class AuditExports {

    /** Entries read per query: the export holds one page in memory, whatever the chain's length. */
    private static final int PAGE = 1000;

    public static final String CSV_TYPE = "text/csv";
    public static final String JSON_LINES_TYPE = "application/jsonl";

    private final AuditTrail trail;
    private final AuditEntries entries;
    private final AuditHeads heads;
    /** No separator between root values: each line ends with its own newline. */
    private final JsonFactory jsonFactory = new JsonFactory().setRootValueSeparator(null);

    AuditExports(AuditTrail trail, AuditEntries entries, AuditHeads heads) {
        this.trail = trail;
        this.entries = entries;
        this.heads = heads;
    }

    /** One loop's entries as CSV, one entry per line, the content as its canonical JSON in one column. */
    public void loopCsv(UUID loopId, Writer out) throws IOException {
        List<AuditRecord> records = trail.loop(loopId);
        CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("id", "at", "kind", "loopId", "actor", "content", "hash", "previousHash")
                        .get());
        for (AuditRecord r : records) {
            printer.printRecord(
                    r.id(),
                    r.at(),
                    r.kind(),
                    r.loopId(),
                    r.actor(),
                    trail.write(r.content()),
                    r.hash(),
                    r.previousHash());
        }
        printer.flush();
    }

    /**
     * Every entry of the chain, oldest first, as JSON Lines: exactly the fields its hash covers, as the hash
     * saw them ({@code recordedAt} as ISO-8601 text, {@code content} as the stored canonical JSON text, absent
     * values as {@code null}), with {@code previousHash} and {@code hash}. Entries appended while the export
     * runs are left out: it ends at the chain's length when it started. Each page is its own short read
     * (no transaction spans the export), so memory stays flat and no lock is held while the client reads.
     */
    public void chainJsonLines(OutputStream out) throws IOException {
        long length = heads.findById(AuditHead.ID).map(AuditHead::entryCount).orElse(0L);
        long written = 0;
        long lastId = 0;
        try (JsonGenerator json = jsonFactory.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            while (written < length) {
                List<AuditEntry> page = entries.findByIdGreaterThanOrderByIdAsc(lastId, PageRequest.of(0, PAGE));
                for (AuditEntry entry : page) {
                    if (written == length) {
                        break;
                    }
                    writeLine(json, entry);
                    lastId = entry.id();
                    written++;
                }
                json.flush();
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
    }

    private static void writeLine(JsonGenerator json, AuditEntry entry) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", entry.id());
        json.writeNumberField("format", entry.format());
        json.writeStringField("recordedAt", entry.recordedAt().toString());
        json.writeStringField("kind", entry.kind());
        json.writeStringField(
                "loopId", entry.loopId() == null ? null : entry.loopId().toString());
        json.writeStringField("team", entry.team());
        json.writeStringField("actor", entry.actor());
        json.writeStringField("actorRoles", entry.actorRoles());
        json.writeStringField("content", entry.content());
        json.writeStringField("previousHash", entry.previousHash());
        json.writeStringField("hash", entry.hash());
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
