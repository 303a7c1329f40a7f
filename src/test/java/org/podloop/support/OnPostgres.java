package org.podloop.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/** Runs a Spring test class on PostgreSQL (see {@link PostgresTestDatabase}), or skips it saying how to run it. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresTestDatabase.class)
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
public @interface OnPostgres {}
