package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/teams/{key}/work-imports?source=jira|github&from=…&to=…} with the export as the body. */
@RestController
class WorkImportController {

    private final WorkImports imports;

    WorkImportController(WorkImports imports) {
        this.imports = imports;
    }

    @PostMapping("/api/teams/{key}/work-imports")
    WorkImportResult post(
            @PathVariable String key,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sprint,
            @RequestParam(required = false) Integer reportedDonePercent,
            @RequestBody(required = false) JsonNode export) {
        return imports.importWork(key, source, from, to, sprint, reportedDonePercent, export);
    }
}
