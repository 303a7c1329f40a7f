package org.podloop.identity;

import java.util.List;
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
 * Checks credentials (HTTP Basic, the governance page's form) against Camunda's identity service; the
 * user's groups become authorities. Camunda's login lock throttles repeated failures (see
 * {@link EngineHardening}); every failure is logged, without the password. API tokens do not come here
 * ({@link ApiTokenFilter}): they involve no password, so the lock neither counts nor blocks them.
 */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaUserAuthentication.class);

    private final IdentityService identity;
    private final Directory directory;

    CamundaUserAuthentication(IdentityService identity, Directory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String user = request.getName();
        Object credentials = request.getCredentials();
        if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
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
        List<SimpleGrantedAuthority> groups = directory.groupsOf(user).stream()
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
