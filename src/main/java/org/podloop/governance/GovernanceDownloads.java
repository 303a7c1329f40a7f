package org.podloop.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.podloop.audit.AuditExports;
import org.podloop.audit.AuditTrail;
import org.podloop.loop.LoopService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page's export links, in the page's own session: the API's {@code /api/...} exports answer HTTP
 * Basic and tokens only, so a link there would ask a logged-in browser for a password again. The same
 * files and the same audience (governance and administrators, by the page's security chain).
 */
@Controller
class GovernanceDownloads {

    private final LoopService loops;
    private final AuditTrail trail;
    private final AuditExports exports;
    private final ObjectMapper json;

    GovernanceDownloads(LoopService loops, AuditTrail trail, AuditExports exports, ObjectMapper json) {
        this.loops = loops;
        this.trail = trail;
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/governance/loops/{id}/audit.csv")
    void loopCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        loops.loop(id);
        attachment(response, AuditExports.CSV_TYPE, "loop-" + id + "-audit.csv");
        exports.loopCsv(id, response.getWriter());
    }

    @GetMapping("/governance/loops/{id}/audit.json")
    void loopJson(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        loops.loop(id);
        attachment(response, MediaType.APPLICATION_JSON_VALUE, "loop-" + id + "-audit.json");
        json.writeValue(response.getOutputStream(), trail.loop(id));
    }

    /** The whole chain for archiving (README "Governance": re-verifying it offline). */
    @GetMapping("/governance/audit/export.jsonl")
    void chain(HttpServletResponse response) throws IOException {
        attachment(response, AuditExports.JSON_LINES_TYPE, "podloop-audit.jsonl");
        exports.chainJsonLines(response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }
}
