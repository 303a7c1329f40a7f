package org.podloop.process;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The beans processes may call: exactly those marked {@link ProcessCallable}. Of such a bean an expression
 * may use the public methods its own Podloop classes declare (never those of {@link Object}, so no
 * {@code getClass()}), and properties read through them. The deploy-time lint and the engine's
 * expression resolver both ask this one list.
 */
@Component
class ProcessAllowList {

    private static final String OWN_PACKAGE = "org.podloop.";

    private final ApplicationContext context;
    private volatile Set<String> names;
    private volatile Map<Object, String> instances;
    private final Map<Class<?>, Set<String>> membersByType = new ConcurrentHashMap<>();

    ProcessAllowList(ApplicationContext context) {
        this.context = context;
    }

    /** The names, looked up once: bean definitions do not change after start-up. */
    Set<String> names() {
        if (names == null) {
            names = Collections.unmodifiableSet(
                    new TreeSet<>(Arrays.asList(context.getBeanNamesForAnnotation(ProcessCallable.class))));
        }
        return names;
    }

    boolean allows(String bean) {
        return names().contains(bean);
    }

    /** Any bean of the application, allowed or not (the lint names the ones a process may not call). */
    boolean isBean(String name) {
        return context.containsBean(name);
    }

    Object bean(String name) {
        return allows(name) ? context.getBean(name) : null;
    }

    /** Whether an expression may use {@code member} of the allowed bean {@code name}. */
    boolean allowsMember(String name, String member) {
        Class<?> type = allows(name) ? context.getType(name) : null;
        return type != null && membersOf(type).contains(member);
    }

    /** At run time: whether {@code base} is an allowed bean and {@code member} one of its own. */
    boolean allowsMemberOf(Object base, String member) {
        return instances().containsKey(base)
                && membersOf(ClassUtils.getUserClass(base)).contains(member);
    }

    private Map<Object, String> instances() {
        if (instances == null) {
            Map<Object, String> byInstance = new IdentityHashMap<>();
            names().forEach(name -> byInstance.put(context.getBean(name), name));
            instances = byInstance;
        }
        return instances;
    }

    private Set<String> membersOf(Class<?> type) {
        return membersByType.computeIfAbsent(
                ClassUtils.getUserClass(type),
                t -> Arrays.stream(t.getMethods())
                        .filter(m -> !Modifier.isStatic(m.getModifiers())
                                && m.getDeclaringClass().getName().startsWith(OWN_PACKAGE))
                        .map(Method::getName)
                        .flatMap(method -> Stream.of(method, ExpressionPolicy.propertyOf(method)))
                        .collect(Collectors.toUnmodifiableSet()));
    }
}
