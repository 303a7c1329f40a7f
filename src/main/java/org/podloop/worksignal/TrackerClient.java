package org.podloop.worksignal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs JSON from a tracker's REST API for the pull connectors: one base address, fixed headers (the
 * credentials), no redirects followed (a token is not to travel to another host), a timeout per request,
 * and any answer but 200 an error naming the tracker and the status — never the body, which may hold names.
 */
final class TrackerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code <https://api.github.com/repositories/1/issues?page=2>; rel="next"} */
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    /** An answer: its JSON, and the next page's address when the answer names one (a {@code Link} header). */
    record Page(JsonNode body, Optional<String> next) {}

    private final String tracker;
    private final String base;
    private final Map<String, String> headers;
    private final HttpClient http;

    TrackerClient(String tracker, String baseUrl, Map<String, String> headers) {
        this.tracker = tracker;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.headers = Map.copyOf(headers);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GETs {@code pathAndQuery} under the base address. */
    Page get(String pathAndQuery) {
        return getUrl(base + pathAndQuery);
    }

    /** GETs a full address the tracker named (a next page); only under the base address. */
    Page getUrl(String url) {
        if (!url.startsWith(base + "/")) {
            throw new IllegalStateException(tracker + " named a next page on another host: " + url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(tracker + " answered " + response.statusCode() + " to " + path(url));
            }
            Optional<String> next = response.headers().allValues("Link").stream()
                    .map(NEXT::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> matcher.group(1))
                    .findFirst();
            return new Page(JSON.readTree(response.body()), next);
        } catch (IOException e) {
            throw new IllegalStateException(tracker + " could not be reached or answered no JSON: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling from " + tracker);
        }
    }

    /** The address without its query: what was asked, for messages. */
    private String path(String url) {
        int query = url.indexOf('?');
        return (query < 0 ? url : url.substring(0, query)).substring(base.length());
    }
}
