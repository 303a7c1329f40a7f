package org.podloop.classification;

/** How an intervention fared against a pattern in verified iterations: how often it was verified and how often it reduced. */
public record InterventionEffect(String interventionId, String pattern, int verified, int reduced) {}
