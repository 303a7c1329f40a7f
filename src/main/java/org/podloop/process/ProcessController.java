package org.podloop.process;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProcessController {

    private final ProcessService processes;

    ProcessController(ProcessService processes) {
        this.processes = processes;
    }

    @PostMapping(
            path = "/api/processes/lint",
            consumes = {"application/xml", "text/xml", "application/octet-stream"})
    Map<String, List<LintFinding>> lint(
            @RequestBody byte[] bpmn, @RequestParam(defaultValue = "upload.bpmn") String name) {
        return Map.of("findings", processes.lint(name, bpmn));
    }

    @PostMapping("/api/processes/deploy")
    DeploymentReport deploy() {
        return processes.deployFolder();
    }

    @PostMapping("/api/processes/{key}/migrate")
    MigrationReport migrate(@PathVariable String key) {
        return processes.migrate(key);
    }
}
