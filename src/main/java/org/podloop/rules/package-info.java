/**
 * The rules folder ({@code podloop.rules.path}, {@code rules/}) as a whole: every DRL file, the metric
 * catalogue ({@code metrics.yaml}), the intervention catalogue ({@code interventions.yaml}) and the
 * self-check scenarios ({@code self-check.yaml}). Loads them together, versions them by one hash of all
 * their content, validates them (with every {@link org.podloop.rules.RulesetCheck} other modules
 * contribute) and swaps them atomically; publishes {@link org.podloop.rules.RulesetActivated}.
 * Other modules read the catalogues and run the compiled KieBase through
 * {@link org.podloop.rules.ActiveRuleset}; how the folder is read and parsed stays in here.
 */
package org.podloop.rules;
