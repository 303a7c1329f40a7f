package org.podloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.podloop.loop.ProcessIds;

/**
 * What a process owner could try to deploy to step outside her rights: every expression site with a call
 * into the engine's services, a bean outside the allow-list, the Spring environment or reflection; class
 * names, scripts, field injection, foreign form keys, writes of the loop's control variables, timer start
 * events (which the job executor runs with no user, so no authorization applies), and every resource type
 * the engine would deploy. Each attack, if it ran, would leave a mark that {@link #noAttackRan} looks for.
 */
final class HostileDefinitions {

    /** One hostile deployment: its resource, the element the refusal must name (null: the resource) and why. */
    record Attack(String name, String resource, String content, String element, String reason) {
        boolean isBpmn() {
            return resource.endsWith(".bpmn");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Makes olivia an administrator, through the engine's services. */
    static final String ENGINE =
            "execution.getProcessEngineServices().getIdentityService().createMembership('olivia','camunda-admin')";
    /** Reads the database URL out of the Spring environment. */
    static final String ENVIRONMENT = "environment.getProperty('spring.datasource.url')";
    /** Makes olivia an administrator through an engine bean that is not on the allow-list. */
    static final String BEAN =
            "processEngineConfigurationImpl.getIdentityService().createMembership('olivia','camunda-admin')";
    /** Reaches java.lang.System through reflection on a string. */
    static final String REFLECTION = "''.getClass().forName('java.lang.System').getProperty('user.name')";
    /** Climbs from an allowed bean to its class loader. */
    static final String BEAN_GETTER = "loopDurations.getClass().getClassLoader().loadClass('java.lang.Runtime')";

    /** The team an attack would route a loop's tasks to. */
    static final String HIJACKED = "hijacked";

    private HostileDefinitions() {}

    static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        // every expression site, each with a different way out
        attacks.add(task(
                "service task expression, engine services",
                "<serviceTask id=\"Attack\" camunda:expression=\"${" + ENGINE + "}\"/>",
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "service task expression, environment",
                "<serviceTask id=\"Attack\" camunda:expression=\"${" + ENVIRONMENT
                        + "}\" camunda:resultVariable=\"leak\"/>",
                "names the bean 'environment'"));
        attacks.add(task(
                "service task expression, engine bean",
                "<serviceTask id=\"Attack\" camunda:expression=\"${" + BEAN + "}\"/>",
                "names the bean 'processEngineConfigurationImpl'"));
        attacks.add(task(
                "service task expression, reflection",
                "<serviceTask id=\"Attack\" camunda:expression=\"${" + REFLECTION
                        + "}\" camunda:resultVariable=\"leak\"/>",
                "on a computed value"));
        attacks.add(task(
                "service task expression, allowed bean's getClass",
                "<serviceTask id=\"Attack\" camunda:expression=\"${" + BEAN_GETTER
                        + "}\" camunda:resultVariable=\"leak\"/>",
                "loopDurations.getClass"));
        attacks.add(task(
                "delegate expression, engine services",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${" + ENGINE + "}\"/>",
                "must name one bean"));
        attacks.add(task(
                "delegate expression, engine bean",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${identityService}\"/>",
                "names the bean 'identityService', which processes may not call"));
        attacks.add(task(
                "execution listener, engine services",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${recordReminder}\">"
                        + "<extensionElements><camunda:executionListener event=\"start\" expression=\"${" + ENGINE
                        + "}\"/></extensionElements>"
                        + "</serviceTask>",
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "task listener, environment",
                userTask(
                        "",
                        "<extensionElements><camunda:taskListener event=\"create\" expression=\"${"
                                + "task.setVariable('leak', " + ENVIRONMENT + ")}\"/></extensionElements>"),
                "task.setVariable"));
        attacks.add(flow(
                "sequence flow condition, engine services",
                "<conditionExpression xsi:type=\"tFormalExpression\">${" + ENGINE + " == null}</conditionExpression>",
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "input mapping, environment",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${recordReminder}\">"
                        + "<extensionElements><camunda:inputOutput><camunda:inputParameter name=\"leak\">${"
                        + ENVIRONMENT
                        + "}</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>",
                "names the bean 'environment'"));
        attacks.add(task(
                "output mapping, reflection",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${recordReminder}\">"
                        + "<extensionElements><camunda:inputOutput><camunda:outputParameter name=\"leak\">${"
                        + REFLECTION
                        + "}</camunda:outputParameter></camunda:inputOutput></extensionElements></serviceTask>",
                "on a computed value"));
        attacks.add(task(
                "timer definition, engine services",
                "<intermediateCatchEvent id=\"Attack\"><timerEventDefinition><timeDuration>${" + ENGINE
                        + "}</timeDuration></timerEventDefinition></intermediateCatchEvent>",
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "assignee, engine services",
                userTask("camunda:assignee=\"${" + ENGINE + "}\"", ""),
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "candidate users, environment",
                userTask("camunda:candidateUsers=\"${" + ENVIRONMENT + "}\"", ""),
                "names the bean 'environment'"));
        attacks.add(task(
                "candidate groups, reflection",
                userTask("", "")
                        .replace(
                                "camunda:candidateGroups=\"governance\"",
                                "camunda:candidateGroups=\"${" + REFLECTION + "}\""),
                "on a computed value"));
        attacks.add(task(
                "due date, engine bean",
                userTask("camunda:dueDate=\"${" + BEAN + "}\"", ""),
                "names the bean 'processEngineConfigurationImpl'"));
        attacks.add(task(
                "follow-up date and priority, environment",
                userTask("camunda:priority=\"${" + ENVIRONMENT + "}\"", ""),
                "names the bean 'environment'"));
        attacks.add(task(
                "task name, engine services",
                "<userTask id=\"Attack\" name=\"${" + ENGINE + "}\" camunda:candidateGroups=\"governance\""
                        + " camunda:formRef=\"Form_Decide\"/>",
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "called element, engine services",
                "<callActivity id=\"Attack\" calledElement=\"${" + ENGINE + "}\"/>",
                "execution.getProcessEngineServices"));
        attacks.add(task(
                "call activity business key, environment",
                "<callActivity id=\"Attack\" calledElement=\"LoopIterationProcess\">"
                        + "<extensionElements><camunda:in businessKey=\"${" + ENVIRONMENT
                        + "}\"/></extensionElements></callActivity>",
                "names the bean 'environment'"));
        // code by other names
        attacks.add(task(
                "camunda:class",
                "<serviceTask id=\"Attack\" camunda:class=\"org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd\"/>",
                "camunda:class is not allowed"));
        attacks.add(task(
                "variable mapping class",
                "<callActivity id=\"Attack\" calledElement=\"LoopIterationProcess\""
                        + " camunda:variableMappingClass=\"java.lang.Object\"/>",
                "camunda:variableMappingClass is not allowed"));
        attacks.add(task(
                "JUEL script task",
                "<scriptTask id=\"Attack\" scriptFormat=\"juel\"><script>${" + ENGINE + "}</script></scriptTask>",
                "script tasks are not allowed"));
        attacks.add(task(
                "script in a listener",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${recordReminder}\">"
                        + "<extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"juel\">${"
                        + ENGINE
                        + "}</camunda:script></camunda:executionListener></extensionElements></serviceTask>",
                "scripts are not allowed"));
        attacks.add(flow(
                "script condition",
                "<conditionExpression xsi:type=\"tFormalExpression\" language=\"juel\">${" + ENGINE
                        + " == null}</conditionExpression>",
                "script conditions (language 'juel') are not allowed"));
        attacks.add(task(
                "field injection into an allowed bean",
                "<serviceTask id=\"Attack\" camunda:delegateExpression=\"${recordReminder}\">"
                        + "<extensionElements><camunda:field name=\"chooseWithin\"><camunda:string>PT0S</camunda:string></camunda:field>"
                        + "</extensionElements></serviceTask>",
                "camunda:field is not allowed"));
        attacks.add(task(
                "embedded HTML form",
                userTask("camunda:formKey=\"embedded:deployment:evil.html\"", "")
                        .replace(" camunda:formRef=\"Form_Decide\"", ""),
                "camunda:formKey 'embedded:deployment:evil.html' is not allowed"));
        attacks.add(new Attack(
                "writes a loop's control variable",
                "control-variable.bpmn",
                definitions(
                                ProcessIds.LOOP_ITERATION,
                                "<startEvent id=\"Start\"/><sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"Attack\"/>"
                                        + "<serviceTask id=\"Attack\" camunda:expression=\"${'" + HIJACKED
                                        + "'}\" camunda:resultVariable=\"teamKey\"/>"
                                        + "<receiveTask id=\"Wait\" messageRef=\"Message_1\"/><sequenceFlow id=\"Flow_2\" sourceRef=\"Attack\" targetRef=\"Wait\"/>")
                        .replace(
                                "</definitions>",
                                "<message id=\"Message_1\" name=\"RemeasurementReceived\"/></definitions>"),
                "Attack",
                "writes 'teamKey', which belongs to the loop"));
        // the job executor runs timer start events with nobody signed in
        attacks.add(new Attack(
                "timer start event, engine services in the cycle",
                "timer-cycle.bpmn",
                definitions("<startEvent id=\"Attack\"><timerEventDefinition><timeCycle>${" + ENGINE
                        + "}</timeCycle></timerEventDefinition></startEvent>"),
                "Attack",
                "execution.getProcessEngineServices"));
        attacks.add(new Attack(
                "timer start event, engine bean in a task",
                "timer-task.bpmn",
                definitions(
                        "<startEvent id=\"Start\"><timerEventDefinition><timeDuration>PT1S</timeDuration></timerEventDefinition></startEvent>"
                                + "<sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"Attack\"/>"
                                + "<serviceTask id=\"Attack\" camunda:expression=\"${" + BEAN + "}\"/>"),
                "Attack",
                "names the bean 'processEngineConfigurationImpl'"));
        // every resource type the engine would deploy or serve
        attacks.add(new Attack("a CMMN case", "evil.cmmn", CMMN, null, "this resource type is refused"));
        attacks.add(new Attack("a DMN decision", "evil.dmn", DMN, null, "this resource type is refused"));
        attacks.add(new Attack(
                "BPMN under another name",
                "evil.xbpmn",
                definitions("<startEvent id=\"Start\"/>"
                        + "<sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"Attack\"/><scriptTask id=\"Attack\" scriptFormat=\"juel\">"
                        + "<script>${" + ENGINE + "}</script></scriptTask>"),
                null,
                "this resource type is refused"));
        attacks.add(new Attack(
                "an HTML form",
                "evil.html",
                "<script>fetch('/camunda/api/admin/auth/user/default')</script>",
                null,
                "this resource type is refused"));
        attacks.add(new Attack(
                "a form with raw HTML",
                "evil.form",
                "{\"id\":\"Form_Evil\",\"type\":\"default\",\"components\":"
                        + "[{\"type\":\"html\",\"content\":\"<img src=x onerror=alert(1)>\"}]}",
                "Form_Evil",
                "form component type 'html' is not allowed"));
        return attacks;
    }

    /**
     * The marks an attack would leave: olivia in camunda-admin, or a variable named {@code leak} holding what
     * it read (the database URL, a system property, a class), in the runtime or in history.
     */
    static void noAttackRan(ProcessEngine engine) {
        assertThat(engine.getIdentityService()
                        .createUserQuery()
                        .memberOfGroup("camunda-admin")
                        .userId("olivia")
                        .count())
                .as("olivia became an administrator")
                .isZero();
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .variableName("leak")
                        .list())
                .as("a variable holds what an attack read")
                .allSatisfy(v -> assertThat(v.getValue()).isNull());
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .variableName("teamKey")
                        .list())
                .as("an attack set the control variable teamKey")
                .noneMatch(v -> HIJACKED.equals(v.getValue()));
    }

    private static Attack task(String name, String element, String reason) {
        return new Attack(
                name,
                name.replaceAll("[^a-z]+", "-") + ".bpmn",
                definitions("<startEvent id=\"Start\"/>"
                        + "<sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"Attack\"/>" + element),
                "Attack",
                reason);
    }

    private static Attack flow(String name, String condition, String reason) {
        return new Attack(
                name,
                name.replaceAll("[^a-z]+", "-") + ".bpmn",
                definitions("<startEvent id=\"Start\"/>"
                        + "<exclusiveGateway id=\"Gateway_1\"/><sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"Gateway_1\"/>"
                        + "<sequenceFlow id=\"Attack\" sourceRef=\"Gateway_1\" targetRef=\"End\">" + condition
                        + "</sequenceFlow>"
                        + "<endEvent id=\"End\"/>"),
                "Attack",
                reason);
    }

    private static String userTask(String attributes, String content) {
        return "<userTask id=\"Attack\" camunda:candidateGroups=\"governance\" camunda:formRef=\"Form_Decide\" "
                + attributes + ">" + content + "</userTask>";
    }

    /** A process of its own key per attack, so that each one would run on its own. */
    private static String definitions(String body) {
        return definitions("Attack_" + Integer.toHexString(body.hashCode()), body);
    }

    private static String definitions(String processId, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Attack" targetNamespace="http://podloop.org/attack">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">%s</process>
                </definitions>
                """.formatted(processId, body);
    }

    private static final String CMMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
                id="Definitions_Evil" targetNamespace="http://podloop.org/attack">
              <case id="Case_Evil"><casePlanModel id="CasePlanModel_Evil" autoComplete="true">
                <planItem id="PlanItem_Evil" definitionRef="HumanTask_Evil"/>
                <humanTask id="HumanTask_Evil"><extensionElements>
                  <camunda:caseExecutionListener event="create" expression="${environment.getProperty('spring.datasource.url')}"/>
                </extensionElements></humanTask>
              </casePlanModel></case>
            </definitions>
            """;

    private static final String DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Evil" name="Evil" namespace="http://podloop.org/attack">
              <decision id="Decision_Evil" name="Evil"><decisionTable id="DecisionTable_Evil">
                <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="juel">
                  <text>${environment.getProperty('spring.datasource.url')}</text></inputExpression></input>
                <output id="Output_1" name="leak" typeRef="string"/>
                <rule id="Rule_1"><inputEntry id="InputEntry_1"><text></text></inputEntry><outputEntry id="OutputEntry_1"><text>"x"</text></outputEntry></rule>
              </decisionTable></decision>
            </definitions>
            """;
}
