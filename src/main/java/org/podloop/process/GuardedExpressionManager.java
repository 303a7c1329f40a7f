package org.podloop.process;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.joda.time.DateTime;

/**
 * The engine's expression language, closed: names resolve to variables, the engine's {@code execution}
 * and {@code task}, and the {@link ProcessCallable} beans only; members may be used only as
 * {@link ExpressionPolicy} and {@link ProcessAllowList} allow. Every other property or method call —
 * {@code execution.getProcessEngineServices()}, {@code teamKey.getClass()}, a bean's inherited methods —
 * fails with a message naming it, whatever definition got deployed.
 */
class GuardedExpressionManager extends JuelExpressionManager {

    private final ProcessAllowList allowList;

    GuardedExpressionManager(ProcessAllowList allowList) {
        super(beansOf(allowList));
        this.allowList = allowList;
    }

    /** The engine's beans map: the allow-listed beans, looked up when first used (after start-up). */
    static Map<Object, Object> beansOf(ProcessAllowList allowList) {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object name) {
                return name instanceof String bean && allowList.allows(bean);
            }

            @Override
            public Object get(Object name) {
                return name instanceof String bean ? allowList.bean(bean) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return allowList.names().stream()
                        .<Entry<Object, Object>>map(name -> new SimpleImmutableEntry<>(name, allowList.bean(name)))
                        .collect(Collectors.toSet());
            }
        };
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new GuardedMembers(allowList));
        return resolver;
    }

    /** The last resolver for every non-null base: allowed members go to the standard bean resolver, the rest fail. */
    static final class GuardedMembers extends ELResolver {

        private final ProcessAllowList allowList;
        private final BeanELResolver beans = new BeanELResolver(true);

        GuardedMembers(ProcessAllowList allowList) {
            this.allowList = allowList;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            require(base, String.valueOf(property));
            return beans.getValue(context, base, property);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null) {
                return null;
            }
            require(base, String.valueOf(method));
            return beans.invoke(context, base, method, paramTypes, params);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            require(base, String.valueOf(property));
            return beans.getType(context, base, property);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new PropertyNotWritableException("Podloop processes may not set '" + property + "'");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            if (base != null) {
                context.setPropertyResolved(true);
            }
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? null : Object.class;
        }

        private void require(Object base, String member) {
            boolean allowed = base instanceof DelegateExecution
                    ? ExpressionPolicy.engineMember(ExpressionPolicy.EXECUTION, member)
                    : base instanceof DelegateTask
                            ? ExpressionPolicy.engineMember(ExpressionPolicy.TASK, member)
                            : base instanceof DateTime
                                    ? ExpressionPolicy.dateTimeMember(member)
                                    : allowList.allowsMemberOf(base, member);
            if (!allowed) {
                throw new ELException("Podloop processes may not use '" + member
                        + "' here: only the allow-listed beans (" + String.join(", ", allowList.names())
                        + ") and a few read-only properties of execution and task are reachable");
            }
        }
    }
}
