/**
 * Podloop's front door: the start page at {@code /}, which shows the signed-in person what she can do
 * (her open pulse rounds, her tasks, her team pages, the governance page when she may open it, the
 * Tasklist), the one login page at {@code /login} for Podloop's pages, and the error page every page
 * path ends on instead of Spring Boot's Whitelabel page. It owns no data: it reads other modules'
 * public services as the signed-in person.
 */
package org.podloop.home;
