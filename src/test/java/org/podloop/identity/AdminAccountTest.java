package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A locked-out administrator is recovered by starting Podloop with PODLOOP_ADMIN_PASSWORD. */
class AdminAccountTest extends ApiTest {

    @Autowired
    Directory directory;

    @Autowired
    StartupLock startupLock;

    @Override
    protected String[] teamMembers() {
        return new String[] {};
    }

    /** A start with PODLOOP_ADMIN_USER and PODLOOP_ADMIN_PASSWORD set to these. */
    private void startedWith(String user, String password) {
        new AdminAccount(
                        directory,
                        startupLock,
                        new IdentityProperties(new IdentityProperties.Admin(user, password), null))
                .afterSingletonsInstantiated();
    }

    @Test
    void aStartWithTheAdministratorPasswordLiftsTheAdministratorsLoginLock() {
        String admin = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        startedWith(admin, "first-password");
        assertThat(client.get(admin + ":first-password", "/api/teams").status()).isEqualTo(200);
        // what ten failed logins in a row leave behind (without waiting out Camunda's growing delays)
        jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10 where ID_ = ?", admin);
        assertThat(client.get(admin + ":first-password", "/api/teams").status()).isEqualTo(401);

        startedWith(admin, "first-password");

        assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, admin))
                .isZero();
        assertThat(client.get(admin + ":first-password", "/api/teams").status()).isEqualTo(200);
    }
}
