package org.podloop.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A short-lived memory of passwords the engine has verified, so that a client sending HTTP Basic on every
 * request is not put through the engine's password check and group query each time. Each request still
 * reads the user's row and memberships, in one query: a remembered password counts only while the stored
 * password hash is the one it was verified against (a password change, on any node, ends it at once),
 * while the user has no failed attempts and no lock (Camunda's delays and lock stay the engine's), and
 * the groups are always the current ones. What is remembered is a keyed hash of the password, under a key
 * that lives in this process only.
 */
@Component
class VerifiedCredentials {

    /** Long enough to spare a client's burst of requests the check; short enough to keep little in memory. */
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    private static final int MOST_USERS = 10_000;
    private static final String HMAC = "HmacSHA256";

    /** The user's row as the engine keeps it, and its groups, as of this request. */
    record Account(String passwordHash, int failedAttempts, Instant lockedUntil, List<String> groups) {

        boolean inGoodStanding(Instant now) {
            return failedAttempts == 0 && (lockedUntil == null || lockedUntil.isBefore(now));
        }
    }

    private record Verified(byte[] password, String passwordHash, Instant until) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentials(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** The user's stored password hash, failures, lock and groups, in one query; empty for an unknown user. */
    Optional<Account> account(String user) {
        return jdbc.query(
                "select u.PWD_, u.ATTEMPTS_, u.LOCK_EXP_TIME_, m.GROUP_ID_ from ACT_ID_USER u"
                        + " left join ACT_ID_MEMBERSHIP m on m.USER_ID_ = u.ID_ where u.ID_ = ?",
                rows -> {
                    if (!rows.next()) {
                        return Optional.<Account>empty();
                    }
                    String passwordHash = rows.getString(1);
                    int failedAttempts = rows.getInt(2);
                    Timestamp locked = rows.getTimestamp(3);
                    List<String> groups = new ArrayList<>();
                    do {
                        if (rows.getString(4) != null) {
                            groups.add(rows.getString(4));
                        }
                    } while (rows.next());
                    return Optional.of(new Account(
                            passwordHash,
                            failedAttempts,
                            locked == null ? null : locked.toInstant(),
                            List.copyOf(groups)));
                },
                user);
    }

    /** Whether the engine verified this password for the account as it is stored now, within the last minute. */
    boolean remembers(String user, String password, Account account) {
        Verified earlier = verified.get(user);
        Instant now = clock.instant();
        if (earlier == null || earlier.until().isBefore(now) || !account.inGoodStanding(now)) {
            return false;
        }
        return earlier.passwordHash().equals(account.passwordHash())
                && MessageDigest.isEqual(earlier.password(), keyed(password));
    }

    /** The engine has just verified {@code password} against {@code account}'s stored hash. */
    void remember(String user, String password, Account account) {
        if (verified.size() >= MOST_USERS) {
            verified.clear(); // a flood of distinct users: start over rather than grow
        }
        verified.put(
                user,
                new Verified(
                        keyed(password), account.passwordHash(), clock.instant().plus(REMEMBERED_FOR)));
    }

    /** A failed attempt: nothing remembered for the user counts any more. */
    void forget(String user) {
        verified.remove(user);
    }

    private byte[] keyed(String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
