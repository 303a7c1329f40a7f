package org.podloop.process;

import java.util.List;

/** What a deployment of the processes folder created: the new versions (none when nothing changed). */
public record DeploymentReport(String deploymentId, List<Deployed> deployed) {

    public record Deployed(String key, int version, String processDefinitionId) {}
}
