package org.podloop.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code podloop.demo.enabled}: whether {@link DemoData} seeds the demo users and teams. It always has a
 * value: its default (on only for H2) is settled before start-up, with the production checks
 * (identity's ProductionSafeguard).
 */
@ConfigurationProperties("podloop.demo")
record DemoProperties(boolean enabled) {}
