package org.podloop.identity;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whose team data the current API caller may read: administrators and governance every team's, a pod
 * member their own pods' teams', anyone else none.
 */
public record TeamScope(boolean allTeams, Set<String> teams) {

    public static TeamScope ofCurrentCaller() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static TeamScope of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new TeamScope(false, Set.of());
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (groups.contains(Groups.ADMINS) || groups.contains(Groups.GOVERNANCE)) {
            return new TeamScope(true, Set.of());
        }
        return new TeamScope(
                false,
                groups.stream().map(Groups::teamOfPod).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    public boolean includes(String teamKey) {
        return allTeams || teams.contains(teamKey);
    }
}
