package org.podloop.pulse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.podloop.common.InvalidInputException;
import org.podloop.identity.Directory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PulseController {

    private static final String PULSE_EVERY = "pulseEvery";

    private final PulseService pulses;
    private final PulseCadence cadence;
    private final Directory directory;

    PulseController(PulseService pulses, PulseCadence cadence, Directory directory) {
        this.pulses = pulses;
        this.cadence = cadence;
        this.directory = directory;
    }

    @PostMapping("/api/teams/{key}/pulses")
    @ResponseStatus(HttpStatus.CREATED)
    PulseRoundView open(@PathVariable String key, @RequestBody(required = false) NewPulseRound request) {
        NewPulseRound round = request == null ? new NewPulseRound(null, null) : request;
        return pulses.open(key, round.metrics(), round.closesAt(), directory.currentActor());
    }

    /** A team's settings; today its pulse cadence ({@code {"pulseEvery": "P14D"}}, null for off). */
    @PatchMapping("/api/teams/{key}")
    PulseCadence.View settings(@PathVariable String key, @RequestBody JsonNode settings) {
        if (settings != null && settings.isObject()) {
            settings.fieldNames().forEachRemaining(field -> {
                if (!field.equals(PULSE_EVERY)) {
                    throw new InvalidInputException(field, "unknown field; a team's settings are: " + PULSE_EVERY);
                }
            });
        }
        if (settings == null || !settings.isObject() || !settings.has(PULSE_EVERY)) {
            throw new InvalidInputException(
                    PULSE_EVERY, "is the team setting to change (an ISO-8601 duration, or null)");
        }
        JsonNode every = settings.get(PULSE_EVERY);
        if (every.isNull()) {
            return cadence.set(key, null);
        }
        try {
            if (!every.isTextual()) {
                throw new DateTimeParseException("not text", every.toString(), 0);
            }
            String text = every.asText();
            // days and weeks ("P14D", "P2W") as people write them, or any ISO-8601 duration
            return cadence.set(key, text.contains("T") ? Duration.parse(text) : days(Period.parse(text)));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(PULSE_EVERY, "must be an ISO-8601 duration such as P14D, or null for off");
        }
    }

    private static Duration days(Period period) {
        if (period.getYears() != 0 || period.getMonths() != 0) {
            throw new DateTimeParseException("months and years have no fixed length", period.toString(), 0);
        }
        return Duration.ofDays(period.getDays());
    }

    @GetMapping("/api/teams/{key}/pulse-cadence")
    PulseCadence.View cadence(@PathVariable String key) {
        return cadence.of(key);
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
