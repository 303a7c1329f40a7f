package org.podloop.identity;

import java.util.Set;

/** The group ids Podloop relies on; a team's pod is the group {@code pod-<team key>}. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String GOVERNANCE = "governance";
    /** Technical clients that post snapshots and imports (survey tools, collectors). */
    public static final String SIGNAL_SOURCES = "signal-sources";
    /** Technical clients that scrape {@code /actuator/prometheus}; no rights in the engine or on team data. */
    public static final String MONITORING = "monitoring";
    /**
     * Technical clients that run a team's own assistant worker: they fetch, lock and complete the
     * assistant's external tasks ({@code pod-assistant.brief}, {@code pod-assistant.debrief}) over
     * {@code /engine-rest} and nothing else (grants in AccessPolicy; topics and variables guarded by the
     * assistant module).
     */
    public static final String POD_ASSISTANTS = "pod-assistants";
    /**
     * The groups whose members may hold API tokens: technical clients, which a password lock must not
     * shut out. People log in with their password and stay under Camunda's login lock.
     */
    static final Set<String> TOKEN_HOLDERS = Set.of(SIGNAL_SOURCES, MONITORING, POD_ASSISTANTS);

    static final String POD_TYPE = "POD";
    private static final String POD_PREFIX = "pod-";

    private Groups() {}

    public static String pod(String teamKey) {
        return POD_PREFIX + teamKey;
    }

    /** The team key of a pod group, or {@code null} for any other group. */
    public static String teamOfPod(String groupId) {
        return groupId.startsWith(POD_PREFIX) ? groupId.substring(POD_PREFIX.length()) : null;
    }
}
