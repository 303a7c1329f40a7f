package org.podloop.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.podloop.support.ApiTest;

/**
 * Who may open a team page, signed in as a browser is (session and CSRF token): the team's pod and
 * governance; a member of another pod gets a page saying it is not hers, an unknown team a page saying so.
 */
class TeamPageAccessTest extends ApiTest {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Override
    protected String[] teamMembers() {
        return new String[] {"paula"};
    }

    /** A browser's session: cookies kept, the login form posted with its CSRF token. */
    private final class Session {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Session(String user) {
            String form = get("/login").body();
            Matcher token = CSRF.matcher(form);
            assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
            String csrf = token.group(1) != null ? token.group(1) : token.group(2);
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                            + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
            assertThat(login.statusCode()).as("login of %s", user).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Accept", "text/html")
                    .GET());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theTeamsPodAndGovernanceOpenItOthersGetAPageNotJson() {
        HttpResponse<String> own = new Session("paula").get("/teams/" + team);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Team " + team, "id=\"no-snapshots\"", "/api/teams/" + team + "/pulses");

        HttpResponse<String> governance = new Session("gina").get("/teams/" + team);
        assertThat(governance.statusCode()).isEqualTo(200);
        assertThat(governance.body()).contains("Team " + team);

        // quinn is in borealis's pod, not in this team's
        HttpResponse<String> other = new Session("quinn").get("/teams/" + team);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(other.body()).contains("Not your team", "<header").doesNotContain("\"detail\"");

        HttpResponse<String> unknown = new Session("paula").get("/teams/no-such-team");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).contains("No such team", "no-such-team").doesNotContain("\"detail\"");
    }
}
