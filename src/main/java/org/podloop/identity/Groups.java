package org.podloop.identity;

/** The group ids Podloop relies on; a team's pod is the group {@code pod-<team key>}. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String GOVERNANCE = "governance";
    private static final String POD_PREFIX = "pod-";

    private Groups() {
    }

    public static String pod(String teamKey) {
        return POD_PREFIX + teamKey;
    }
}
