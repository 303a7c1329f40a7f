package org.podloop.identity;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API token: the principal is the token's user with her Camunda groups, so
 * every role rule applies as to her password login; the token's name goes along to name the actor.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final UUID tokenId;
    private final String user;
    private final String tokenName;

    ApiTokenAuthentication(UUID tokenId, String user, String tokenName, List<String> groups) {
        super(groups.stream().map(SimpleGrantedAuthority::new).toList());
        this.tokenId = tokenId;
        this.user = user;
        this.tokenName = tokenName;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    UUID tokenId() {
        return tokenId;
    }

    /** How audit entries and the timeline name who acted, e.g. {@code collector (token "survey-export nightly")}. */
    String actor() {
        return user + " (token \"" + tokenName + "\")";
    }

    /** The same caller as the engine sees it: her user id and groups, and the actor name for {@link Directory#currentActor()}. */
    Authentication inEngine() {
        return new InEngine(
                user,
                getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(),
                actor());
    }

    static final class InEngine extends Authentication {

        private final String actor;

        private InEngine(String user, List<String> groups, String actor) {
            super(user, groups);
            this.actor = actor;
        }

        String actor() {
            return actor;
        }
    }
}
