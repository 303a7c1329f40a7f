package org.podloop.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code podloop.assistant.*}: who does the assistant's work ({@code built-in}, or {@code external} for a
 * team's own worker over {@code /engine-rest}), how long an iteration waits for it ({@code timeout}, read by
 * the process through {@code loopDurations}), how often the in-process worker looks for work it missed, and
 * the longest text it keeps; with {@code provider=openai}, the OpenAI-compatible server that words it
 * ({@code openai.base-url}, {@code openai.model}, {@code openai.api-key} from the environment).
 */
@ConfigurationProperties("podloop.assistant")
record AssistantProperties(
        @DefaultValue("built-in") String provider,
        @DefaultValue("PT2M") Duration timeout,
        @DefaultValue("PT30S") Duration sweepEvery,
        @DefaultValue("3500") int maxChars,
        @DefaultValue OpenAi openai) {

    /** {@code podloop.assistant.openai.*}: the chat-completions server ({@code base-url} up to {@code /v1}). */
    record OpenAi(
            @DefaultValue("http://localhost:11434/v1") String baseUrl,
            @DefaultValue("llama3.1") String model,
            @DefaultValue("") String apiKey,
            @DefaultValue("PT30S") Duration timeout) {}

    boolean inProcess() {
        return !"external".equalsIgnoreCase(provider);
    }

    boolean modelBacked() {
        return "openai".equalsIgnoreCase(provider);
    }
}
