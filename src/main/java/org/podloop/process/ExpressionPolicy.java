package org.podloop.process;

import java.util.Set;

/**
 * What an expression in a deployed process may reach besides the {@link ProcessCallable} beans: a few
 * read-only properties of the engine's {@code execution} and {@code task}, Camunda's date and user
 * functions, and date arithmetic on {@code dateTime()}. The lint checks names against these at deploy
 * time; the engine's expression resolver checks the same at run time.
 */
final class ExpressionPolicy {

    static final String EXECUTION = "execution";
    static final String TASK = "task";

    /** Identifiers the engine itself binds; anything else at the root of an expression is a bean or a variable. */
    static final Set<String> ENGINE_NAMES = Set.of(EXECUTION, TASK, "authenticatedUserId");

    /** Camunda's built-in functions; all return plain values. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    private static final Set<String> VARIABLE_READERS =
            Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal");

    /** Read-only facts of the running execution (no services, no process engine, no parents to climb). */
    private static final Set<String> EXECUTION_PROPERTIES = Set.of(
            "id",
            "processInstanceId",
            "processBusinessKey",
            "businessKey",
            "processDefinitionId",
            "currentActivityId",
            "currentActivityName",
            "activityInstanceId",
            "eventName",
            "tenantId");

    private static final Set<String> TASK_PROPERTIES = Set.of(
            "id",
            "name",
            "description",
            "assignee",
            "owner",
            "taskDefinitionKey",
            "processInstanceId",
            "executionId",
            "processDefinitionId",
            "eventName",
            "dueDate",
            "followUpDate",
            "priority",
            "createTime",
            "tenantId");

    /** Date arithmetic on Joda's DateTime, as in {@code ${dateTime().plusDays(3).toDate()}}. */
    private static final Set<String> DATE_TIME_PREFIXES =
            Set.of("plus", "minus", "with", "toDate", "isBefore", "isAfter");

    private ExpressionPolicy() {}

    /** Whether {@code member} (a property or a method name) of the engine object {@code root} may be used. */
    static boolean engineMember(String root, String member) {
        Set<String> properties =
                EXECUTION.equals(root) ? EXECUTION_PROPERTIES : TASK.equals(root) ? TASK_PROPERTIES : Set.of();
        return properties.contains(propertyOf(member)) || (!properties.isEmpty() && VARIABLE_READERS.contains(member));
    }

    static boolean dateTimeMember(String member) {
        return DATE_TIME_PREFIXES.stream().anyMatch(member::startsWith);
    }

    /** {@code getFoo} and {@code isFoo} name the property {@code foo}; other names stand for themselves. */
    static String propertyOf(String member) {
        for (String prefix : new String[] {"get", "is"}) {
            if (member.length() > prefix.length()
                    && member.startsWith(prefix)
                    && Character.isUpperCase(member.charAt(prefix.length()))) {
                return Character.toLowerCase(member.charAt(prefix.length())) + member.substring(prefix.length() + 1);
            }
        }
        return member;
    }
}
