package org.podloop.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The checks a definition must pass before it may run a loop: each finding names the element and
 * the reason. Pure: it reads a BPMN file and asks {@code beans} and {@code processes} what exists.
 */
final class ProcessLint {

    private static final Pattern REPEATING = Pattern.compile("^R\\d*/(.+)$");

    private static final ObjectMapper FORMS = new ObjectMapper();
    private static final Set<String> UNSAFE_FORM_COMPONENTS = Set.of("html", "iframe", "script");

    private final Predicate<String> processes;
    private final ProcessContract contract;
    private final ProcessXml xml;

    ProcessLint(ProcessAllowList allowList, ProcessContract contract, Predicate<String> processes) {
        this.processes = processes;
        this.contract = contract;
        this.xml = new ProcessXml(allowList, contract.protectedVariables());
    }

    List<LintFinding> lint(String resource, byte[] bpmn, Collection<String> keysDeployedAlongside) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (RuntimeException e) {
            return List.of(new LintFinding(resource, null, "not a valid BPMN 2.0 file: " + e.getMessage()));
        }
        List<LintFinding> findings = new ArrayList<>();
        Set<String> deployable = model.getModelElementsByType(Process.class).stream()
                .map(Process::getId)
                .collect(Collectors.toSet());
        deployable.addAll(keysDeployedAlongside);
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                findings.add(new LintFinding(resource, process.getId(), "camunda:historyTimeToLive is missing"));
            }
            findings.addAll(contract.check(resource, model, process));
        }
        xml.lint(resource, bpmn).forEach(findings::add);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
                findings.add(new LintFinding(
                        resource, task.getId(), "user task has no candidate group, so no pod or role would see it"));
            }
            if (task.getCamundaFormKey() == null && task.getCamundaFormRef() == null) {
                findings.add(new LintFinding(
                        resource, task.getId(), "user task has no form (camunda:formRef or camunda:formKey)"));
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            checkTimer(resource, timer, findings);
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            String called = call.getCalledElement();
            if (called == null || called.isBlank()) {
                findings.add(new LintFinding(resource, call.getId(), "call activity names no process"));
            } else if (!called.contains("{") && !deployable.contains(called) && !processes.test(called)) {
                findings.add(new LintFinding(
                        resource, call.getId(), "calls the process '" + called + "', which is not deployed"));
            }
        }
        return findings;
    }

    /**
     * A Camunda Form is rendered in the pod's browser: it must be a form-js schema, and may not embed HTML
     * or frames (a process owner could otherwise script the Tasklist of pod members and governance).
     */
    static List<LintFinding> lintForm(String resource, byte[] form) {
        JsonNode schema;
        try {
            schema = FORMS.readTree(form);
        } catch (IOException e) {
            return List.of(new LintFinding(resource, null, "not a valid Camunda Form: the file is not JSON"));
        }
        if (schema == null || !schema.path("components").isArray()) {
            return List.of(new LintFinding(resource, null, "not a valid Camunda Form: it has no components"));
        }
        List<LintFinding> findings = new ArrayList<>();
        schema.findValues("type").stream()
                .map(JsonNode::asText)
                .filter(UNSAFE_FORM_COMPONENTS::contains)
                .distinct()
                .forEach(type -> findings.add(new LintFinding(
                        resource,
                        schema.path("id").asText(null),
                        "form component type '" + type
                                + "' is not allowed: it would put markup or pages of its own into the Tasklist")));
        return findings;
    }

    private void checkTimer(String resource, TimerEventDefinition timer, List<LintFinding> findings) {
        String owner = owner(timer);
        if (timer.getTimeDuration() != null) {
            check(
                    resource,
                    owner,
                    "timeDuration",
                    timer.getTimeDuration().getTextContent(),
                    ProcessLint::isDuration,
                    findings);
        } else if (timer.getTimeDate() != null) {
            check(resource, owner, "timeDate", timer.getTimeDate().getTextContent(), ProcessLint::isDate, findings);
        } else if (timer.getTimeCycle() != null) {
            check(resource, owner, "timeCycle", timer.getTimeCycle().getTextContent(), ProcessLint::isCycle, findings);
        } else {
            findings.add(new LintFinding(resource, owner, "timer has no duration, date or cycle"));
        }
    }

    private void check(
            String resource,
            String owner,
            String kind,
            String text,
            Predicate<String> valid,
            List<LintFinding> findings) {
        String value = text == null ? "" : text.strip();
        if (ProcessXml.isExpression(value)) {
            return; // checked with every other expression
        }
        if (!valid.test(value)) {
            findings.add(new LintFinding(
                    resource,
                    owner,
                    kind + " '" + value + "' is not a valid ISO-8601 "
                            + kind.substring(4).toLowerCase()));
        }
    }

    private static boolean isDuration(String text) {
        try {
            DatatypeFactory.newInstance().newDuration(text);
            return text.startsWith("P");
        } catch (IllegalArgumentException | DatatypeConfigurationException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }

    private static boolean isCycle(String text) {
        Matcher repeating = REPEATING.matcher(text);
        if (repeating.matches()) {
            String rest = repeating.group(1);
            return isDuration(rest.contains("/") ? rest.substring(rest.lastIndexOf('/') + 1) : rest);
        }
        return text.split("\\s+").length >= 6;
    }

    /** The id of the nearest enclosing element that has one. */
    private static String owner(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null && !(e instanceof TimerEventDefinition)) {
                return base.getId();
            }
        }
        return null;
    }
}
