package org.podloop.intake;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SnapshotController {

    private final SnapshotIntake intake;

    SnapshotController(SnapshotIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/teams/{key}/snapshots")
    IntakeResult post(@PathVariable String key, @RequestBody PostedSnapshot snapshot) {
        return intake.receive(key, snapshot.toSnapshot());
    }
}
