package org.podloop.demo;

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

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("demo", "Demo", "Admin", "administrator", List.of(Groups.ADMINS)),
            new DemoUser("olivia", "Olivia", "Owner", "process owner", List.of(Groups.PROCESS_OWNERS)),
            new DemoUser("paula", "Paula", "Pod", "pod member of atlas", List.of()),
            new DemoUser("pete", "Pete", "Pod", "pod member of atlas", List.of()),
            new DemoUser("quinn", "Quinn", "Pod", "pod member of borealis", List.of()),
            new DemoUser("gina", "Gina", "Governance", "governance", List.of(Groups.GOVERNANCE)),
            new DemoUser(
                    "collector",
                    "Signal",
                    "Collector",
                    "signal source: posts snapshots",
                    List.of(Groups.SIGNAL_SOURCES)));

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
            directory.ensureUser(u.id(), u.first(), u.last(), PASSWORD);
            u.groups().forEach(g -> directory.ensureMembership(u.id(), g));
        });
        ensureTeam("atlas", "Atlas", List.of("paula", "pete"));
        ensureTeam("borealis", "Borealis", List.of("quinn"));
        StringBuilder banner =
                new StringBuilder("\n*** DEMO USERS — for trying Podloop only, never for real data ***\n");
        USERS.forEach(u -> banner.append(String.format("    %-9s / %s   %s%n", u.id(), PASSWORD, u.role())));
        banner.append("    Tasklist: http://localhost:8080/camunda/app/tasklist/\n");
        log.info(banner.toString());
    }

    private void ensureTeam(String key, String name, List<String> members) {
        if (signals.teams().stream().noneMatch(t -> t.key().equals(key))) {
            signals.createTeam(new NewTeam(key, name, members));
        }
    }
}
