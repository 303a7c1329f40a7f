/**
 * Who is who and who may do what: users, pods as Camunda groups ({@code pod-<team>}), the role groups
 * and their engine authorizations ({@link org.podloop.identity.AccessPolicy}), the Tasklist filters of
 * every pod, HTTP Basic authentication and role rules of {@code /api/**}, {@code /engine-rest/**} and
 * {@code /actuator/**}, API tokens of technical clients ({@code /api/tokens}, {@code Authorization: Bearer}),
 * the engine's hardening, and the production start-up safeguard. Camunda's identity service is the
 * user store; {@link org.podloop.identity.SystemAccess} is how other modules make engine calls on
 * Podloop's own behalf.
 */
package org.podloop.identity;
