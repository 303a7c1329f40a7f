package org.podloop.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.podloop.identity.Directory;
import org.podloop.loop.LoopService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditTrail trail;
    private final AuditExports exports;
    private final LoopService loops;
    private final Verifications verifications;
    private final Directory directory;

    AuditController(
            AuditTrail trail,
            AuditExports exports,
            LoopService loops,
            Verifications verifications,
            Directory directory) {
        this.trail = trail;
        this.exports = exports;
        this.loops = loops;
        this.verifications = verifications;
        this.directory = directory;
    }

    /** The incremental check: fast at any length; says which entries it re-hashed and what it relied on. */
    @GetMapping("/api/audit/verify")
    ChainCheck verify() {
        return trail.verify();
    }

    /** The whole chain for archiving, streamed as it is read (README "Governance": how to re-verify it offline). */
    @GetMapping("/api/audit/export.jsonl")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType(AuditExports.JSON_LINES_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"podloop-audit.jsonl\"");
        exports.chainJsonLines(response.getOutputStream());
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
    void loopCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        loops.loop(id);
        response.setContentType(AuditExports.CSV_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loop-" + id + "-audit.csv\"");
        exports.loopCsv(id, response.getWriter());
    }
}
