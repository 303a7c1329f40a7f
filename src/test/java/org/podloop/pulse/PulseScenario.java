package org.podloop.pulse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.podloop.identity.Directory;
import org.podloop.signal.NewTeam;
import org.podloop.signal.SnapshotView;
import org.podloop.support.LoopScenario;
import org.springframework.beans.factory.annotation.Autowired;

/** Pulse rounds driven through {@link PulseService} as members would, with the real process and intake. */
abstract class PulseScenario extends LoopScenario {

    /** Seven answers to the psychological safety items: a respondent who feels safe, and one who does not. */
    static final List<Double> SAFE = List.of(1.0, 7.0, 1.0, 7.0, 1.0, 7.0, 7.0);

    static final List<Double> UNSAFE = List.of(6.0, 2.0, 5.0, 3.0, 6.0, 2.0, 3.0);

    @Autowired
    protected PulseService pulses;

    @Autowired
    protected Directory directory;

    protected String pulseTeam;
    protected List<String> members;

    @AfterEach
    void nobodyActs() {
        engine.getIdentityService().clearAuthentication();
    }

    /** A new team whose pod has {@code size} members of its own. */
    protected void podOf(int size) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        pulseTeam = "q" + suffix;
        members = IntStream.rangeClosed(1, size)
                .mapToObj(i -> "m" + i + "-" + suffix)
                .toList();
        members.forEach(user -> directory.ensureUser(user, "Member", user, "demo"));
        signals.createTeam(new NewTeam(pulseTeam, "Pulse " + pulseTeam, members));
    }

    protected PulseRoundView open(List<String> metrics) {
        return pulses.open(pulseTeam, metrics, null, "paula");
    }

    /** {@code user} answers as herself (the engine authentication the API filter would set). */
    protected MyPulseRound answerAs(String user, UUID round, Map<String, List<Double>> answers) {
        var identity = engine.getIdentityService();
        identity.setAuthentication(user, new ArrayList<>(directory.groupsOf(user)));
        try {
            return pulses.answer(round, answers);
        } finally {
            identity.clearAuthentication();
        }
    }

    protected ProcessInstance roundInstance(UUID round) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(round.toString())
                .processDefinitionKey(PulseEngine.PROCESS)
                .singleResult();
    }

    /** Runs the round's due jobs (its closing is asynchronous), as the job executor would. */
    protected void runJobs(UUID round) {
        PulseJobs.runDue(engine, round);
    }

    protected SnapshotView snapshotOf(UUID round) {
        return signals.snapshot(pulses.status(round).snapshotId());
    }

    protected static Instant soon() {
        return Instant.now().plusSeconds(3600);
    }
}
