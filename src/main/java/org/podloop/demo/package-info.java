/**
 * Demo data for the embedded default: users (password {@code demo}), teams and pods, so that
 * {@code ./mvnw spring-boot:run} gives a working Tasklist at once. Never on by itself outside H2.
 */
package org.podloop.demo;
