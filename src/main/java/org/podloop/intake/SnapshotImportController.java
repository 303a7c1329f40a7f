package org.podloop.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.podloop.common.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SnapshotImportController {

    private final SnapshotImport importer;

    SnapshotImportController(SnapshotImport importer) {
        this.importer = importer;
    }

    /** The request body is streamed straight into the importer, never held in memory as a whole. */
    @PostMapping(
            path = "/api/snapshots/import",
            consumes = {"text/csv", "text/plain"})
    ImportResult importCsv(HttpServletRequest request) throws IOException {
        return importer.importCsv(request.getInputStream());
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ImportResult result = e.result();
        String first = result.errors().isEmpty()
                ? ""
                : "; first: line " + result.errors().get(0).line() + ": "
                        + result.errors().get(0).reason();
        // the counts of a successful import too, so that a client reads both answers alike: nothing was stored
        return Problems.of(HttpStatus.BAD_REQUEST, "Import rejected", e.getMessage() + first)
                .field("body")
                .property("created", 0)
                .property("unchanged", 0)
                .property("rejected", result.rejected())
                .property("errorCount", result.errorCount())
                .property("errors", result.errors())
                .build();
    }
}
