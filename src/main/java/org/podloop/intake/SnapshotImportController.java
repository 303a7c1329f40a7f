package org.podloop.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
    @PostMapping(path = "/api/snapshots/import", consumes = {"text/csv", "text/plain"})
    ImportResult importCsv(HttpServletRequest request) throws IOException {
        return importer.importCsv(request.getInputStream());
    }

    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail rejected(ImportRejectedException e) {
        ImportResult result = e.result();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()
                + (result.errors().isEmpty() ? "" : "; first: line " + result.errors().get(0).line() + ": " + result.errors().get(0).reason()));
        problem.setTitle("Import rejected");
        problem.setProperty("field", "body");
        problem.setProperty("created", 0);
        problem.setProperty("unchanged", 0);
        problem.setProperty("rejected", result.rejected());
        problem.setProperty("errorCount", result.errorCount());
        problem.setProperty("errors", result.errors());
        return problem;
    }
}
