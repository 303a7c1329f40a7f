package org.podloop.process;

import java.util.List;

/** Published when a deployment created new process versions, whichever way it came (folder, API, Modeler). */
public record ProcessesDeployed(
        String deploymentId, String deploymentName, String source, String actor, List<String> definitions) {}
