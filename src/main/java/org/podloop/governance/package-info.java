/**
 * Governance: the page where governance audits each loop (loops with filters, the audit chain's status,
 * a loop's record as sentences beside its team's trend per unit with interventions and outcomes marked,
 * exports in the page's session, error pages in its layout) and the reports decisions rest on — which
 * interventions verifiably reduced which pattern ({@code Effectiveness}: running aggregates per pattern ×
 * intervention, added to when the loop announces {@link org.podloop.loop.IterationVerified}, in the same
 * transaction), the same figures the loop's recommendations weigh through {@link org.podloop.loop.TrackRecord}.
 * Also the team page ({@code /teams/{key}}, {@code TeamPage}), for the team's pod first: the same trend with
 * all of the team's loops marked, where its loop stands and what comes next, past iterations in words.
 */
package org.podloop.governance;
