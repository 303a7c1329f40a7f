package org.podloop.pulse;

import java.util.List;
import java.util.UUID;
import org.podloop.identity.Directory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PulseController {

    private final PulseService pulses;
    private final Directory directory;

    PulseController(PulseService pulses, Directory directory) {
        this.pulses = pulses;
        this.directory = directory;
    }

    @PostMapping("/api/teams/{key}/pulses")
    @ResponseStatus(HttpStatus.CREATED)
    PulseRoundView open(@PathVariable String key, @RequestBody(required = false) NewPulseRound request) {
        NewPulseRound round = request == null ? new NewPulseRound(null, null) : request;
        return pulses.open(key, round.metrics(), round.closesAt(), directory.currentActor());
    }

    @GetMapping("/api/pulses/mine")
    List<MyPulseRound> mine() {
        return pulses.mine();
    }

    @GetMapping("/api/pulses/{id}")
    PulseRoundView round(@PathVariable UUID id) {
        return pulses.round(id);
    }

    @PostMapping("/api/pulses/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    MyPulseRound answer(@PathVariable UUID id, @RequestBody PulseAnswers answers) {
        return pulses.answer(id, answers.answers());
    }
}
