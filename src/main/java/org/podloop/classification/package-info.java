/**
 * Judgement with the serving ruleset of {@link org.podloop.rules}: classification of snapshots into
 * Human Debt findings, ranked recommendations from the intervention catalogue, verification of
 * baseline vs re-measure, the self-check every ruleset must pass, stored classifications and the
 * back-test. Every result names the rules that fired, the facts they matched and the ruleset version.
 */
package org.podloop.classification;
