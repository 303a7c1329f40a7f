package org.podloop.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to the Camunda webapps as the browser does it: session cookie plus the CSRF token
 * echoed as {@code X-XSRF-TOKEN}; then calls the webapps' own engine API ({@code /camunda/api/engine}).
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Logs {@code user} (demo password) in to the Tasklist; fails unless the login succeeds. */
    public static WebappSession logIn(int port, String user) {
        WebappSession session = new WebappSession(port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/"))
                .GET());
        String form =
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PodloopClient.PASSWORD;
        HttpResponse<String> login = session.send(session.withToken(HttpRequest.newBuilder(
                        URI.create(session.base + "/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200) {
            throw new AssertionError(
                    "webapp login of " + user + " answered " + login.statusCode() + ": " + login.body());
        }
        // the login starts a new session; its CSRF token comes with the next read, as in the browser
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default"))
                .GET());
        return session;
    }

    /** A modifying call on the webapps' engine API, e.g. {@code task/<id>/complete}. */
    public HttpResponse<String> post(String enginePath, String json) {
        return send(
                withToken(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + enginePath)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A replacing call on the webapps' engine API, as the Tasklist changes a task: {@code task/<id>}. */
    public HttpResponse<String> put(String enginePath, String json) {
        return send(
                withToken(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + enginePath)))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A read on the webapps' engine API. */
    public HttpResponse<String> get(String enginePath) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/" + enginePath))
                .GET());
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .map(HttpCookie::getValue)
                .reduce((first, latest) -> latest)
                .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
