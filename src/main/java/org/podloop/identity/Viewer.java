package org.podloop.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads a page, as the shared header and the start page need it: her user id, whether she may open
 * the governance page, and the teams whose pod she is in (their pages and pulses are hers).
 */
public record Viewer(String user, boolean governs, List<String> teams) {

    static Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Viewer(null, false, List.of());
        }
        List<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return new Viewer(
                authentication.getName(),
                authorities.contains(Groups.ADMINS) || authorities.contains(Groups.GOVERNANCE),
                authorities.stream()
                        .map(Groups::teamOfPod)
                        .filter(team -> team != null)
                        .sorted()
                        .toList());
    }
}
