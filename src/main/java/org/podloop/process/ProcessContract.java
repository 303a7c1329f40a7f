package org.podloop.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * What the application that runs on the deployed processes adds to the lint: the variables that only it
 * may write, and checks of its own definitions. The loop module provides one; this module knows no loop.
 */
public interface ProcessContract {

    /** Variables no mapping of a definition may set (a {@code camunda:in} may pass one on unchanged). */
    Set<String> protectedVariables();

    /** Findings about one process of a file being linted, beyond the checks every definition gets. */
    List<LintFinding> check(String resource, BpmnModelInstance model, Process process);
}
