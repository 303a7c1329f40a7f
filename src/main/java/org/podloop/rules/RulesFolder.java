package org.podloop.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.podloop.common.Sha256;

/**
 * The files of the rules folder, each read once: a build parses and versions exactly these bytes, so
 * the version always names what was parsed, however the folder changes meanwhile.
 */
final class RulesFolder {

    static final String METRICS = "metrics.yaml";
    static final String INTERVENTIONS = "interventions.yaml";
    static final String SELF_CHECK = SelfCheck.FILE;
    static final String WORK_TRACKING = "work-tracking.yaml";
    private static final String DRL = ".drl";
    private static final Set<String> DATA_FILES = Set.of(METRICS, INTERVENTIONS, SELF_CHECK, WORK_TRACKING);

    private final Path path;
    /** By file name, sorted, so the version does not depend on the order the file system lists them in. */
    private final Map<String, byte[]> files;

    private RulesFolder(Path path, Map<String, byte[]> files) {
        this.path = path;
        this.files = Collections.unmodifiableMap(files);
    }

    /** Reads every DRL file and every data file of the folder. */
    static RulesFolder read(Path path) {
        if (!Files.isDirectory(path)) {
            throw new RulesetBuildException("the rules folder " + path.toAbsolutePath() + " does not exist", List.of());
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path file : entries.filter(RulesFolder::belongsToTheRuleset).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + path.toAbsolutePath(), e);
        }
        return new RulesFolder(path, files);
    }

    private static boolean belongsToTheRuleset(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(DRL) || DATA_FILES.contains(name));
    }

    Map<String, byte[]> drl() {
        Map<String, byte[]> drl = new TreeMap<>(files);
        drl.keySet().removeIf(name -> !name.endsWith(DRL));
        return drl;
    }

    Optional<byte[]> optional(String name) {
        return Optional.ofNullable(files.get(name));
    }

    byte[] required(String name) {
        return optional(name)
                .orElseThrow(() -> new RulesetBuildException("no " + name + " in " + path.toAbsolutePath(), List.of()));
    }

    /** The first 12 hex digits of a SHA-256 over every file's name and content. */
    String version() {
        return Sha256.hex(digest -> files.forEach((name, bytes) -> {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(bytes);
                    digest.update((byte) 0);
                }))
                .substring(0, 12);
    }
}
