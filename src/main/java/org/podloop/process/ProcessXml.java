package org.podloop.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads a BPMN file as plain XML, every element and attribute, so that no place the engine evaluates
 * or instantiates something is missed: expressions anywhere (service tasks, listeners, conditions,
 * input/output mappings, timers, assignees, candidate groups, due dates, names, called elements, form
 * fields), class names, scripts, field injection, form keys, and mappings that would write the loop's
 * control variables. Each finding names the nearest element with an id.
 */
final class ProcessXml {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern ONE_BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    /** Text the engine never evaluates. */
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");

    private static final Set<String> FORM_KEY_PREFIXES = Set.of("camunda-forms:", "embedded:app:");

    private final ProcessAllowList allowList;
    private final ExpressionLint expressions;
    private final Set<String> protectedVariables;

    ProcessXml(ProcessAllowList allowList, Set<String> protectedVariables) {
        this.allowList = allowList;
        this.expressions = new ExpressionLint(allowList);
        this.protectedVariables = protectedVariables;
    }

    static boolean isExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    /** The findings; an unreadable file yields none here (the BPMN reader reports it). */
    List<LintFinding> lint(String resource, byte[] bpmn) {
        List<LintFinding> findings = new ArrayList<>();
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(bpmn)).getDocumentElement();
        } catch (Exception unreadable) {
            return findings;
        }
        walk(resource, root, findings);
        return findings;
    }

    private void walk(String resource, Element element, List<LintFinding> findings) {
        String owner = owner(element);
        String name = element.getLocalName();
        boolean camunda = CAMUNDA.equals(element.getNamespaceURI());
        if ("scriptTask".equals(name)) {
            findings.add(new LintFinding(
                    resource, owner, "script tasks are not allowed; use a delegate expression naming a bean"));
        } else if (camunda && "script".equals(name)) {
            findings.add(new LintFinding(
                    resource, owner, "scripts are not allowed; use a delegate expression naming a bean"));
        } else if (camunda && "field".equals(name)) {
            findings.add(new LintFinding(
                    resource, owner, "camunda:field is not allowed: Podloop's beans take no injected fields"));
        } else if (camunda && "connector".equals(name)) {
            findings.add(new LintFinding(
                    resource, owner, "camunda:connector is not allowed; use a delegate expression naming a bean"));
        }
        if (element.hasAttribute("language")) {
            findings.add(new LintFinding(
                    resource,
                    owner,
                    "script conditions (language '" + element.getAttribute("language")
                            + "') are not allowed; use an expression such as ${variable}"));
        }
        checkControlVariableWrites(resource, owner, element, camunda, findings);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(resource, owner, (Attr) attributes.item(i), findings);
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (!NOT_EVALUATED.contains(name)) {
            checkExpression(
                    resource, owner, element.getTagName(), text.toString().strip(), findings);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                walk(resource, nested, findings);
            }
        }
    }

    private void checkAttribute(String resource, String owner, Attr attribute, List<LintFinding> findings) {
        String value = attribute.getValue();
        if (CAMUNDA.equals(attribute.getNamespaceURI())) {
            switch (attribute.getLocalName()) {
                case "class", "variableMappingClass" ->
                    findings.add(new LintFinding(
                            resource,
                            owner,
                            "camunda:" + attribute.getLocalName()
                                    + " is not allowed; use a delegate expression naming a bean"));
                case "resource" ->
                    findings.add(
                            new LintFinding(resource, owner, "script resources (camunda:resource) are not allowed"));
                case "delegateExpression", "variableMappingDelegateExpression" -> {
                    checkDelegate(resource, owner, value, findings);
                    return;
                }
                case "formKey" -> {
                    if (FORM_KEY_PREFIXES.stream().noneMatch(value::startsWith)) {
                        findings.add(
                                new LintFinding(
                                        resource,
                                        owner,
                                        "camunda:formKey '" + value
                                                + "' is not allowed; use a Camunda Form (camunda:formRef, or camunda-forms:deployment:…)"));
                    }
                }
                case "resultVariable" -> checkNotControl(resource, owner, "camunda:resultVariable", value, findings);
                default -> {}
            }
        }
        checkExpression(resource, owner, attribute.getName(), value, findings);
    }

    /** Mappings may pass a protected variable on unchanged (camunda:in source = target), never set it. */
    private void checkControlVariableWrites(
            String resource, String owner, Element element, boolean camunda, List<LintFinding> findings) {
        if (!camunda) {
            return;
        }
        switch (element.getLocalName()) {
            case "inputParameter", "outputParameter" ->
                checkNotControl(
                        resource, owner, "camunda:" + element.getLocalName(), element.getAttribute("name"), findings);
            case "out" -> checkNotControl(resource, owner, "camunda:out", element.getAttribute("target"), findings);
            case "in" -> {
                if (!element.getAttribute("source").equals(element.getAttribute("target"))) {
                    checkNotControl(resource, owner, "camunda:in", element.getAttribute("target"), findings);
                }
            }
            default -> {}
        }
    }

    private void checkNotControl(
            String resource, String owner, String where, String variable, List<LintFinding> findings) {
        if (protectedVariables.contains(variable)) {
            findings.add(
                    new LintFinding(
                            resource,
                            owner,
                            where + " writes '" + variable
                                    + "', which belongs to the loop: only Podloop sets it (camunda:in may pass it on unchanged)"));
        }
    }

    private void checkDelegate(String resource, String owner, String expression, List<LintFinding> findings) {
        Matcher bean = ONE_BEAN.matcher(expression.strip());
        if (!bean.matches()) {
            findings.add(new LintFinding(
                    resource,
                    owner,
                    "delegate expression '" + expression + "' must name one bean, like ${verifyOutcome}"));
        } else if (!allowList.allows(bean.group(1))) {
            findings.add(new LintFinding(
                    resource,
                    owner,
                    "delegate expression '" + expression + "' names "
                            + (allowList.isBean(bean.group(1))
                                    ? "the bean '" + bean.group(1) + "', which processes may not call"
                                    : "no bean '" + bean.group(1) + "'")
                            + " (allowed: " + String.join(", ", allowList.names()) + ")"));
        }
    }

    private void checkExpression(String resource, String owner, String where, String text, List<LintFinding> findings) {
        if (isExpression(text)) {
            expressions
                    .problems(text)
                    .forEach(problem ->
                            findings.add(new LintFinding(resource, owner, where + " '" + text + "' " + problem)));
        }
    }

    /** The nearest element with an id that Modeler shows: a condition, timer or event definition is named by its flow or event. */
    private static String owner(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            String name = e.getLocalName();
            String namespace = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
            boolean part = name.endsWith("Expression")
                    || name.endsWith("EventDefinition")
                    || name.startsWith("time")
                    || name.endsWith("Condition")
                    || !namespace.startsWith("http://www.omg.org/spec/BPMN");
            if (!part && !e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
