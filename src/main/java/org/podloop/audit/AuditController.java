package org.podloop.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.podloop.identity.Directory;
import org.podloop.loop.LoopService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditTrail trail;
    private final LoopService loops;
    private final Verifications verifications;
    private final Directory directory;

    AuditController(AuditTrail trail, LoopService loops, Verifications verifications, Directory directory) {
        this.trail = trail;
        this.loops = loops;
        this.verifications = verifications;
        this.directory = directory;
    }

    /** The incremental check: fast at any length; says which entries it re-hashed and what it relied on. */
    @GetMapping("/api/audit/verify")
    ChainCheck verify() {
        return trail.verify();
    }

    /** Starts a full re-verification in the background (409 while one runs); follow it at the Location. */
    @PostMapping("/api/audit/verifications")
    ResponseEntity<Verifications.Verification> startFullVerification() {
        Verifications.Verification started = verifications.start(directory.currentActor());
        return ResponseEntity.accepted()
                .location(URI.create("/api/audit/verifications/" + started.id()))
                .body(started);
    }

    /** Progress (entries done of total) while it runs, the result when finished. */
    @GetMapping("/api/audit/verifications/{id}")
    Verifications.Verification fullVerification(@PathVariable UUID id) {
        return verifications.verification(id);
    }

    @GetMapping("/api/loops/{id}/audit")
    List<AuditRecord> loop(@PathVariable UUID id) {
        loops.loop(id);
        return trail.loop(id);
    }

    /** The same record as CSV, one entry per line, content as JSON in one column. */
    @GetMapping("/api/loops/{id}/audit.csv")
    ResponseEntity<String> loopCsv(@PathVariable UUID id) throws IOException {
        List<AuditRecord> records = loop(id);
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                csv,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("id", "at", "kind", "loopId", "actor", "content", "hash", "previousHash")
                        .get())) {
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
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header("Content-Disposition", "attachment; filename=\"loop-" + id + "-audit.csv\"")
                .body(csv.toString());
    }
}
