/**
 * Judgement: the Drools rulesets in {@code rules/} (loaded from the folder, versioned by content
 * hash), classification of snapshots into Human Debt findings, ranked recommendations from the
 * intervention catalogue, and verification of baseline vs re-measure. Every result names the rules
 * that fired, the facts they matched and the ruleset version.
 */
package org.podloop.classification;
