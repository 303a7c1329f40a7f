package org.podloop.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The first administrator, from {@code PODLOOP_ADMIN_USER} / {@code PODLOOP_ADMIN_PASSWORD}, created once;
 * after that the password is the administrator's to change (Camunda Admin), not overwritten at each start.
 * A start with the password set also lifts Camunda's login lock of that administrator: when every
 * administrator has been locked out (ten failed logins each), an operator who can restart Podloop with its
 * environment recovers it, without anyone else learning a password.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final Directory directory;
    private final StartupLock startupLock;
    private final String user;
    private final String password;

    AdminAccount(Directory directory, StartupLock startupLock, IdentityProperties properties) {
        this.directory = directory;
        this.startupLock = startupLock;
        this.user = properties.admin().user();
        this.password = properties.admin().password();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (password.isBlank()) {
            return;
        }
        startupLock.exclusively(() -> {
            if (!directory.userExists(user)) {
                directory.ensureUser(user, "Podloop", "Administrator", password);
                directory.ensureMembership(user, Groups.ADMINS);
                log.info("Created the administrator '{}' (member of {})", user, Groups.ADMINS);
            } else if (directory.unlock(user)) {
                log.warn("Lifted the login lock of the administrator '{}' (failed logins before this start)", user);
            }
        });
    }
}
