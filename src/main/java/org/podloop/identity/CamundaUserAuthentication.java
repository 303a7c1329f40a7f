package org.podloop.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks HTTP Basic credentials against Camunda's identity service; the user's groups become authorities. */
@Component
class CamundaUserAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaUserAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String user = request.getName();
        Object credentials = request.getCredentials();
        if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("wrong user name or password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
