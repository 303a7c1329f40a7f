package org.podloop.identity;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue, list and revoke API tokens (the role rule is in {@link SecurityConfiguration}). */
@RestController
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiToken issue(@RequestBody NewApiToken request, Principal administrator) {
        return tokens.issue(request, administrator.getName());
    }

    @GetMapping("/api/tokens")
    List<ApiTokenView> all() {
        return tokens.all();
    }

    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, Principal administrator) {
        tokens.revoke(id, administrator.getName());
    }
}
