package org.podloop.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that deployed processes may name in an expression ({@code ${verifyOutcome}},
 * {@code ${loopDurations.chooseDue()}}): the allow-list of what processes may call. No other bean, engine
 * service or Java object is reachable from a process (see {@link ProcessAllowList}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ProcessCallable {}
