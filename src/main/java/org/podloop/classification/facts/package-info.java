/**
 * The fact model the DRL in {@code rules/} reasons over, with the vocabulary Java and the rules share
 * ({@link org.podloop.classification.facts.Severity}, {@link org.podloop.classification.facts.Verdict}).
 * These classes are public because generated rule code must reach them; nothing outside the
 * classification module uses them.
 */
package org.podloop.classification.facts;
