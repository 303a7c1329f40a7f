/**
 * Who is who: users, pods as Camunda groups ({@code pod-<team>}), the role groups, HTTP Basic
 * authentication of {@code /api/**} and {@code /engine-rest/**} against Camunda's identity service,
 * and the Tasklist filters pod members work from. Camunda's identity service is the user store.
 */
package org.podloop.identity;
