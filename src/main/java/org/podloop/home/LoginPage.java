package org.podloop.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one login of Podloop's pages (start, pulse, tasks, teams, governance). Spring Security takes the
 * form's POST to {@code /login}; this only shows the form, with {@code ?error} and {@code ?logout}.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "home/login";
    }
}
