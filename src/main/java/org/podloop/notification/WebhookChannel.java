package org.podloop.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Chat messages to a team's incoming webhooks, in each service's own format: Slack's (and Mattermost's,
 * Rocket.Chat's) {@code {"text": …}} with mrkdwn, and a Microsoft Teams Workflows webhook's message with
 * one Adaptive Card. A 2xx answer is delivered; any other is a failure the outbox retries.
 */
@Component
class WebhookChannel {

    /** The receiving service refused for good (a revoked or wrong webhook): retrying cannot help. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final RestClient http;

    WebhookChannel(NudgeProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.webhookTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    void send(Channel channel, URI webhook, String subject, String text, String link) {
        Object payload = channel == Channel.SLACK ? slack(subject, text, link) : teams(subject, text, link);
        http.post()
                .uri(webhook)
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload)
                .retrieve()
                .onStatus(
                        status -> status.is4xxClientError() && status.value() != 429 && status.value() != 408,
                        (request, response) -> {
                            throw new Refused("the webhook answered "
                                    + response.getStatusCode().value());
                        })
                // a redirect is not followed (it could lead anywhere), and is no delivery
                .onStatus(status -> status.is3xxRedirection(), (request, response) -> {
                    throw new IllegalStateException("the webhook answered a redirect ("
                            + response.getStatusCode().value() + ")");
                })
                .toBodilessEntity();
    }

    /** Slack's incoming webhook message: mrkdwn text with the link. */
    static Map<String, Object> slack(String subject, String text, String link) {
        return Map.of("text", "*" + escape(subject) + "*\n" + escape(text) + "\n<" + link + "|Open in Podloop>");
    }

    /** A Teams Workflows ("When a Teams webhook request is received") message with one Adaptive Card. */
    static Map<String, Object> teams(String subject, String text, String link) {
        Map<String, Object> card = Map.of(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body",
                        List.of(
                                Map.of(
                                        "type", "TextBlock",
                                        "text", subject,
                                        "weight", "Bolder",
                                        "size", "Medium",
                                        "wrap", true),
                                Map.of("type", "TextBlock", "text", text, "wrap", true)),
                "actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Podloop", "url", link)));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        return Map.of("type", "message", "attachments", List.of(attachment));
    }

    /** Slack's three control characters in text. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
