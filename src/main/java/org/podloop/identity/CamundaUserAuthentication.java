package org.podloop.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks credentials (HTTP Basic, the pages' login form) against Camunda's identity service; the
 * user's groups become authorities. A password the engine verified in the last minute is not checked
 * again while the stored account is unchanged ({@link VerifiedCredentials}). Camunda's login lock throttles repeated failures (see
 * {@link EngineHardening}); every failure is logged, without the password. API tokens do not come here
 * ({@link ApiTokenFilter}): they involve no password, so the lock neither counts nor blocks them.
 */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaUserAuthentication.class);

    private final IdentityService identity;
    private final VerifiedCredentials credentials;

    CamundaUserAuthentication(IdentityService identity, VerifiedCredentials credentials) {
        this.identity = identity;
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String user = request.getName();
        Object given = request.getCredentials();
        Optional<VerifiedCredentials.Account> account =
                user == null || given == null ? Optional.empty() : credentials.account(user);
        String password = given == null ? null : given.toString();
        boolean verified = account.isPresent()
                && (credentials.remembers(user, password, account.get()) || check(user, password, account.get()));
        if (!verified) {
            if (user != null) {
                credentials.forget(user);
            }
            String from = request.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : "unknown";
            // the user name is the client's text, CR/LF included: escaped, it cannot forge a log line
            log.warn(
                    "Failed login for user '{}' from {} (wrong password, unknown user or locked after repeated failures)",
                    LogText.printable(user),
                    LogText.printable(from));
            throw new BadCredentialsException("wrong user name or password");
        }
        List<SimpleGrantedAuthority> groups =
                account.get().groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    /** The engine's check (its delays and lock included); remembered when it passes. */
    private boolean check(String user, String password, VerifiedCredentials.Account account) {
        if (!identity.checkPassword(user, password)) {
            return false;
        }
        credentials.remember(user, password, account);
        return true;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
