package org.podloop.demo;

import java.util.ArrayList;
import java.util.List;
import org.podloop.identity.Directory;
import org.podloop.identity.Groups;
import org.podloop.signal.NewTeam;
import org.podloop.signal.SignalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo users, groups and teams once (idempotent across restarts). On unless
 * {@code podloop.demo.enabled} says otherwise; by default only on the embedded H2 database.
 */
@Component
class DemoData implements SmartInitializingSingleton {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoUser(String id, String first, String last, String role, List<String> groups) {}

    private record DemoTeam(String key, String name, List<String> members) {}

    // five members each, so a pulse round can close above the privacy minimum of respondents
    private static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("atlas", "Atlas", List.of("paula", "pete", "priya", "pavel", "petra")),
            new DemoTeam("borealis", "Borealis", List.of("quinn", "bruno", "bea", "boris", "bianca")));

    private static final List<DemoUser> USERS = users();

    /** The roles first, then each team's members (named after their user id; the team brings their pod membership). */
    private static List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>();
        users.add(new DemoUser("demo", "Demo", "Admin", "administrator", List.of(Groups.ADMINS)));
        users.add(new DemoUser("olivia", "Olivia", "Owner", "process owner", List.of(Groups.PROCESS_OWNERS)));
        TEAMS.forEach(team -> team.members()
                .forEach(id -> users.add(new DemoUser(
                        id,
                        Character.toUpperCase(id.charAt(0)) + id.substring(1),
                        "Pod",
                        "pod member of " + team.key(),
                        List.of()))));
        users.add(new DemoUser("gina", "Gina", "Governance", "governance", List.of(Groups.GOVERNANCE)));
        users.add(new DemoUser(
                "collector", "Signal", "Collector", "signal source: posts snapshots", List.of(Groups.SIGNAL_SOURCES)));
        users.add(new DemoUser(
                "assistant",
                "Pod",
                "Assistant",
                "pod assistant: runs its own worker for the brief and debrief",
                List.of(Groups.POD_ASSISTANTS)));
        return List.copyOf(users);
    }

    private final Directory directory;
    private final SignalService signals;
    private final boolean enabled;

    DemoData(Directory directory, SignalService signals, DemoProperties properties) {
        this.directory = directory;
        this.signals = signals;
        this.enabled = properties.enabled();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        USERS.forEach(u -> {
            directory.ensureUser(u.id(), u.first(), u.last(), PASSWORD, u.id() + "@example.org");
            u.groups().forEach(g -> directory.ensureMembership(u.id(), g));
        });
        TEAMS.forEach(this::ensureTeam);
        StringBuilder banner =
                new StringBuilder("\n*** DEMO USERS — for trying Podloop only, never for real data ***\n");
        USERS.forEach(u -> banner.append(String.format("    %-9s / %s   %s%n", u.id(), PASSWORD, u.role())));
        banner.append("    Tasklist: http://localhost:8080/camunda/app/tasklist/\n");
        banner.append(
                "    Mail addresses are <user>@example.org: point spring.mail.host at any SMTP server to see the nudges\n");
        log.info(banner.toString());
    }

    /** Creates the team with its members, or adds members missing from a team seeded by an older version. */
    private void ensureTeam(DemoTeam team) {
        if (signals.teams().stream().noneMatch(t -> t.key().equals(team.key()))) {
            signals.createTeam(new NewTeam(team.key(), team.name(), team.members()));
        } else {
            team.members().forEach(member -> directory.ensureMembership(member, Groups.pod(team.key())));
        }
    }
}
