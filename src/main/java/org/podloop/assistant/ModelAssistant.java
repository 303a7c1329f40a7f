package org.podloop.assistant;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.podloop.common.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model-backed assistant: asks any OpenAI-compatible chat-completions server (through LangChain4j's
 * OpenAI client) to rewrite the built-in draft in plainer words. What it sends is that draft only — team
 * aggregates and catalogue text, never an answer, a name, the pod's free-text notes or a suppressed metric
 * — and it keeps the answer only if it is usable (not empty, within the length limit, in the expected
 * shape); otherwise, and when the server fails or is slow, the built-in draft stands.
 */
class ModelAssistant {

    private static final Logger log = LoggerFactory.getLogger(ModelAssistant.class);
    private static final Pattern DECISION = Pattern.compile("Suggested decision:\\s*(CLOSE|REPEAT|ESCALATE)\\b");
    private static final String INSTRUCTION = "You are the assistant of a team's Execution Pod in Podloop. Rewrite the"
            + " draft you are given in plain, warm and concise words for the people who will read it. Keep every"
            + " figure, option, step and time-box exactly as given and invent none. Never name, count or guess"
            + " individuals. Answer in plain text of at most %d characters.";

    private final ChatModel model;
    private final String modelName;
    private final int maxChars;

    ModelAssistant(String baseUrl, String modelName, String apiKey, Duration timeout, int maxChars) {
        this.model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                .modelName(modelName)
                .timeout(timeout)
                .maxRetries(0)
                .temperature(0.2)
                .build();
        this.modelName = modelName;
        this.maxChars = maxChars;
    }

    String modelName() {
        return modelName;
    }

    /** The brief in the model's words, if usable: it must still name the top option. */
    Draft brief(Draft builtIn, String topOption) {
        return ask(
                builtIn,
                "for the pod to weigh: the pod decides",
                answer -> topOption == null || answer.contains(topOption));
    }

    /** The debrief in the model's words, if usable: it must still say which decision it suggests. */
    Draft debrief(Draft builtIn) {
        String suggested = decisionIn(builtIn.text());
        return ask(
                builtIn, "for governance: governance decides", answer -> Objects.equals(decisionIn(answer), suggested));
    }

    /** The decision a debrief suggests ("Suggested decision: CLOSE …"), or null when it names none. */
    private static String decisionIn(String text) {
        Matcher found = DECISION.matcher(text);
        return found.find() ? found.group(1) : null;
    }

    private Draft ask(Draft builtIn, String forWhom, Predicate<String> shaped) {
        String header = "Draft by Podloop's assistant (" + modelName + "), " + forWhom + ".\n\n";
        String system = String.format(INSTRUCTION, maxChars - header.length());
        String draft = withoutHeader(builtIn.text());
        String hash = Sha256.hex(digest -> digest.update((system + "\n" + draft).getBytes(StandardCharsets.UTF_8)));
        Optional<String> unusable;
        String answer = null;
        try {
            answer = model.chat(SystemMessage.from(system), UserMessage.from(draft))
                    .aiMessage()
                    .text();
            unusable = answer == null || answer.isBlank()
                    ? Optional.of("empty answer")
                    : answer.length() > maxChars - header.length()
                            ? Optional.of("answer over " + (maxChars - header.length()) + " characters")
                            : !shaped.test(answer) ? Optional.of("answer not in the expected shape") : Optional.empty();
        } catch (RuntimeException failed) {
            unusable =
                    Optional.of("the model server failed: " + failed.getClass().getSimpleName());
        }
        if (unusable.isPresent()) {
            log.warn("assistant: {} gave no usable text ({}); the built-in draft stands", modelName, unusable.get());
            return new Draft(
                    builtIn.text(),
                    BuiltInAssistant.WORKER + "; " + modelName + " gave no usable text: " + unusable.get(),
                    builtIn.promptHash());
        }
        return new Draft(header + answer.strip(), modelName, hash);
    }

    /** The built-in draft without its first line (who wrote it), which the model is not asked to repeat. */
    private static String withoutHeader(String text) {
        int start = text.indexOf("\n\n");
        return start < 0 ? text : text.substring(start + 2);
    }
}
