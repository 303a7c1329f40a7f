package org.podloop.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.podloop.common.ConflictException;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.podloop.common.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * API tokens for technical clients ({@link Groups#TOKEN_HOLDERS}): a client that authenticates with a
 * token cannot be locked out by someone failing its password, and a token is revoked on its own. The
 * secret is 32 random bytes, shown once; only its SHA-256 is stored, which is enough for a secret of that
 * entropy (a slow password hash protects guessable secrets, and these are not guessable).
 */
@Service
class ApiTokenService {

    /** Makes a leaked token recognisable to secret scanners and to people reading a log. */
    static final String PREFIX = "plt_";

    private static final int SECRET_BYTES = 32;
    /** A name ends up in every audit entry the token's requests cause: printable, no quotes, short. */
    private static final Pattern NAME = Pattern.compile("[^\\p{Cc}\\p{Zl}\\p{Zp}\"]{1,60}");

    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiTokenService.class);

    private final ApiTokens tokens;
    private final Directory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokens tokens, Directory directory, Clock clock, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    IssuedApiToken issue(NewApiToken request, String issuer) {
        String user = request.user();
        if (user == null || user.isBlank() || !directory.userExists(user)) {
            throw new InvalidInputException("user", "unknown user '" + LogText.printable(user) + "'");
        }
        if (directory.groupsOf(user).stream().noneMatch(Groups.TOKEN_HOLDERS::contains)) {
            throw new InvalidInputException(
                    "user",
                    "'" + user + "' is in none of the groups whose members may hold tokens "
                            + Groups.TOKEN_HOLDERS.stream().sorted().toList() + "; people log in with their password");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "must be 1–60 characters, without quotes or control characters");
        }
        if (tokens.existsByUserAndNameAndRevokedAtIsNull(user, name)) {
            throw new ConflictException("'" + user + "' has a token named '" + name
                    + "' already; audit entries name the token," + " so choose another name or revoke that one first");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(user, name, hash(secret), clock.instant(), issuer));
        events.publishEvent(
                new ApiTokenIssued(token.id(), user, name, issuer, token.view().created()));
        return new IssuedApiToken(token.view(), secret);
    }

    @Transactional(readOnly = true)
    List<ApiTokenView> all() {
        return tokens.findAllByOrderByCreatedAtAsc().stream()
                .map(ApiToken::view)
                .toList();
    }

    /** Effective with the next request: every request looks its token up. */
    @Transactional
    void revoke(UUID id, String by) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("no API token " + id));
        Instant now = clock.instant();
        if (token.revoke(now, by)) {
            events.publishEvent(new ApiTokenRevoked(id, token.user(), token.name(), by, now));
        }
    }

    /** Logged once committed: an issue that lost a race for the token's name rolled back and did not happen. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void issued(ApiTokenIssued event) {
        log.info(
                "{} issued the API token {} \"{}\" for {}",
                event.issuedBy(),
                event.tokenId(),
                event.name(),
                event.user());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void revoked(ApiTokenRevoked event) {
        log.info(
                "{} revoked the API token {} \"{}\" of {}",
                event.revokedBy(),
                event.tokenId(),
                event.name(),
                event.user());
    }

    /**
     * The caller a presented token stands for, or empty when it is unknown, revoked, or its user no longer
     * exists or holds tokens. Passwords are not involved, so Camunda's login lock neither counts nor blocks it.
     */
    @Transactional
    Optional<ApiTokenAuthentication> authenticate(String presented) {
        Optional<ApiToken> found =
                presented.startsWith(PREFIX) ? tokens.findBySecretHash(hash(presented)) : Optional.empty();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        if (token.revoked()) {
            log.warn("Refused the revoked API token {} \"{}\" of {}", token.id(), token.name(), token.user());
            return Optional.empty();
        }
        List<String> groups = directory.userExists(token.user()) ? directory.groupsOf(token.user()) : List.of();
        if (groups.stream().noneMatch(Groups.TOKEN_HOLDERS::contains)) {
            log.warn(
                    "Refused the API token {} \"{}\": {} no longer exists or is in none of {}",
                    token.id(),
                    token.name(),
                    token.user(),
                    Groups.TOKEN_HOLDERS);
            return Optional.empty();
        }
        Instant now = clock.instant();
        tokens.recordUse(token.id(), now, now.minus(USE_RECORDED_EVERY));
        return Optional.of(new ApiTokenAuthentication(token.id(), token.user(), token.name(), groups));
    }

    private static String hash(String secret) {
        return Sha256.hex(digest -> digest.update(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
