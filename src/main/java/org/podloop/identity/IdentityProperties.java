package org.podloop.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity module's settings (values in application.yaml): the first administrator
 * ({@code podloop.admin.*}, see {@link AdminAccount}) and the engine's query limit
 * ({@code podloop.security.query-max-results}, see {@link EngineHardening}).
 */
@ConfigurationProperties("podloop")
record IdentityProperties(Admin admin, Security security) {

    /** {@code password} blank: no administrator is created or unlocked at start-up. */
    record Admin(String user, String password) {}

    record Security(int queryMaxResults) {}
}
