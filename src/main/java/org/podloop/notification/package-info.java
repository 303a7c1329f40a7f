/**
 * Nudges: tells people when it is their turn, by mail and in their team's chat, after the step that
 * caused it has committed. Owns the outbox ({@code nudge_events}, written in the transaction of the loop
 * step, pulse round or reminder that publishes the event; {@code nudges}, one per person or channel,
 * delivered with retries and back-off by one node at a time under {@code nudge_dispatch_lease}), each
 * person's preferences ({@code notification_preferences}: mail on or off, quiet hours in her time zone,
 * a pause) and the weekly cap, the teams' chat webhooks ({@code team_chat_webhooks}: Slack-compatible and
 * Microsoft Teams Workflows), and {@code /api/me/notifications}. Reads who is asked from the loop
 * ({@link org.podloop.loop.PodTasks}) and the identity service ({@link org.podloop.identity.Directory});
 * publishes {@link org.podloop.notification.NudgeSent} for the audit. Messages carry team-level facts only;
 * nothing sent says who has or has not answered a pulse.
 */
package org.podloop.notification;
