package org.podloop.signal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code podloop.privacy.min-respondents}: survey metrics from fewer respondents are stored suppressed
 * (no value, never classified, never shown). Default in {@code application.yaml}: 3.
 */
@ConfigurationProperties("podloop.privacy")
record SignalProperties(int minRespondents) {}
