package org.podloop.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads one expression as the engine would parse it and says what in it a process may not use, by the
 * rules the engine's resolver enforces at run time ({@link ExpressionPolicy}, {@link ProcessAllowList}):
 * allow-listed beans and their own methods, a few read-only facts of {@code execution} and {@code task},
 * Camunda's functions and date arithmetic on {@code dateTime()}; variables as plain values.
 */
final class ExpressionLint {

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS);

    private final ProcessAllowList allowList;

    ExpressionLint(ProcessAllowList allowList) {
        this.allowList = allowList;
    }

    /** The reasons {@code text} (a template that contains {@code ${…}} or {@code #{…}}) may not run; empty if it may. */
    List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        try {
            walk(PARSER.build(text).getRoot(), problems);
        } catch (TreeBuilderException e) {
            problems.add("is not a valid expression");
        }
        return problems;
    }

    private void walk(Node node, List<String> problems) {
        if (node instanceof AstMethod method) {
            AstProperty member = (AstProperty) method.getChild(0);
            checkMember(member, problems);
            walk(member.getChild(0), problems);
            walk(method.getChild(1), problems);
            return;
        }
        if (node instanceof AstProperty property) {
            checkMember(property, problems);
        } else if (node instanceof AstIdentifier identifier) {
            checkName(identifier.getName(), problems);
        } else if (node instanceof AstFunction function && !ExpressionPolicy.FUNCTIONS.contains(function.getName())) {
            problems.add("calls the function '" + function.getName() + "', which processes may not call (allowed: "
                    + String.join(", ", ExpressionPolicy.FUNCTIONS) + ")");
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            walk(node.getChild(i), problems);
        }
    }

    private void checkName(String name, List<String> problems) {
        if (!ExpressionPolicy.ENGINE_NAMES.contains(name) && allowList.isBean(name) && !allowList.allows(name)) {
            problems.add("names the bean '" + name + "', which processes may not call (allowed: " + allowed() + ")");
        }
    }

    private void checkMember(AstProperty property, List<String> problems) {
        if (property instanceof AstBracket) {
            problems.add("uses [ ] to reach a member; name members with a dot");
            return;
        }
        String member = ((AstDot) property).toString().substring(2);
        Node base = property.getChild(0);
        if (base instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (name.equals(ExpressionPolicy.EXECUTION) || name.equals(ExpressionPolicy.TASK)) {
                if (!ExpressionPolicy.engineMember(name, member)) {
                    problems.add("uses '" + name + "." + member
                            + "', which processes may not use (only read-only facts such as " + name
                            + ".processInstanceId, and " + name + ".getVariable('name'))");
                }
            } else if (allowList.allows(name)) {
                if (!allowList.allowsMember(name, member)) {
                    problems.add("uses '" + name + "." + member + "': the bean '" + name
                            + "' has no such method for processes");
                }
            } else if (!allowList.isBean(name)) {
                problems.add("uses '" + name + "." + member + "': '" + name + "' names no bean processes may call ("
                        + allowed() + "), and the members of variables cannot be used");
            }
        } else if (!(rootedAtDateTime(base) && ExpressionPolicy.dateTimeMember(member))) {
            problems.add(
                    "uses '." + member
                            + "' on a computed value; only dateTime() arithmetic such as dateTime().plusDays(3).toDate() may be chained");
        }
    }

    private static boolean rootedAtDateTime(Node node) {
        if (node instanceof AstFunction function) {
            return "dateTime".equals(function.getName());
        }
        if (node instanceof AstMethod method) {
            AstProperty member = (AstProperty) method.getChild(0);
            return member instanceof AstDot dot
                    && ExpressionPolicy.dateTimeMember(dot.toString().substring(2))
                    && rootedAtDateTime(member.getChild(0));
        }
        return false;
    }

    private String allowed() {
        return String.join(", ", allowList.names());
    }
}
