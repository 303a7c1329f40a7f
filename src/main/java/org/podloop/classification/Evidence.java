package org.podloop.classification;

/** A measured value that made a finding, with the threshold the rule applies to it. */
public record Evidence(String metric, double value, String threshold) {
}
