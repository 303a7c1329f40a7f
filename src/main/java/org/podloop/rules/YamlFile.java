package org.podloop.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/** Reads one data file of the rules folder; unknown fields are refused, so a typo is not silently ignored. */
final class YamlFile {

    // java.time for the interventions' ISO-8601 time-boxes
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();

    private YamlFile() {}

    /** The file as {@code type}, or a {@link RulesetBuildException} with {@code refusal} and the parser's message naming the line. */
    static <T> T read(String file, byte[] content, Class<T> type, String refusal) {
        try {
            return YAML.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw new RulesetBuildException(refusal, List.of(problem(file, e)));
        } catch (IOException e) {
            throw new RulesetBuildException(refusal, List.of(file + ": " + e.getMessage()));
        }
    }

    /** {@code file:line: what}, as the DRL compiler's messages read; without the file's content, which Jackson would quote. */
    private static String problem(String file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String line = location == null || location.getLineNr() < 1 ? "" : location.getLineNr() + ":";
        return file + ":" + line + " "
                + e.getOriginalMessage().lines().findFirst().orElse("").strip();
    }
}
