package org.podloop.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.podloop.common.Sha256;

/**
 * One built version of the rules folder: the DRL compiled into a KieBase plus the intervention
 * catalogue, versioned together by a hash of their content.
 */
final class Ruleset implements AutoCloseable {

    static final String CATALOGUE_FILE = "interventions.yaml";
    private static final String RESOURCES = "src/main/resources/";
    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    private final String version;
    private final Instant loadedAt;
    private final ReleaseId releaseId;
    private final KieContainer container;
    private final KieBase kieBase;
    private final List<Intervention> interventions;
    /** Classifications using this ruleset right now; it is released when retired and the last one ends. */
    private final java.util.concurrent.atomic.AtomicInteger leases = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean retired;

    private Ruleset(String version, Instant loadedAt, ReleaseId releaseId, KieContainer container,
                    List<Intervention> interventions) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.releaseId = releaseId;
        this.container = container;
        this.kieBase = container.getKieBase();
        this.interventions = List.copyOf(interventions);
    }

    /**
     * Reads the folder once, builds it and checks the catalogue. Throws {@link RulesetBuildException}
     * naming file and line when anything is wrong; nothing is activated by this method.
     */
    static Ruleset build(Path folder, Predicate<String> knownMetric, Instant now) {
        Map<String, byte[]> drl = read(folder, ".drl");
        if (drl.isEmpty()) {
            throw new RulesetBuildException("no .drl files in " + folder.toAbsolutePath(), List.of());
        }
        byte[] catalogueBytes = read(folder, CATALOGUE_FILE).get(CATALOGUE_FILE);
        if (catalogueBytes == null) {
            throw new RulesetBuildException("no " + CATALOGUE_FILE + " in " + folder.toAbsolutePath(), List.of());
        }
        Map<String, byte[]> content = new TreeMap<>(drl);
        content.put(CATALOGUE_FILE, catalogueBytes);
        String version = hash(content);
        List<Intervention> interventions = parseCatalogue(catalogueBytes, knownMetric);

        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("org.podloop.rules", "ruleset", "1.0.0-" + version);
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        // Drools wants each DRL in a folder named after its package; the file name stays visible in messages.
        drl.forEach((name, bytes) -> files.write(RESOURCES + packageFolder(bytes) + name, bytes));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RulesetBuildException("the rules do not build", errors.stream()
                    .map(m -> m.getPath().substring(m.getPath().lastIndexOf('/') + 1) + ":" + m.getLine() + ": " + m.getText().strip())
                    .toList());
        }
        return new Ruleset(version, now, releaseId, kie.newKieContainer(releaseId), interventions);
    }

    String version() {
        return version;
    }

    Instant loadedAt() {
        return loadedAt;
    }

    KieBase kieBase() {
        return kieBase;
    }

    List<Intervention> interventions() {
        return interventions;
    }

    Optional<Intervention> intervention(String id) {
        return interventions.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Takes a lease for one use; false when the ruleset was retired meanwhile (take the new one). */
    boolean tryLease() {
        leases.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    void release() {
        if (leases.decrementAndGet() == 0 && retired) {
            close();
        }
    }

    /** No new leases; the KieBase is released as soon as the last running use ends. */
    void retire() {
        retired = true;
        if (leases.get() == 0) {
            close();
        }
    }

    boolean isReleased() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            container.dispose();
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
        }
    }

    private static Map<String, byte[]> read(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            throw new RulesetBuildException("the rules folder " + folder.toAbsolutePath() + " does not exist", List.of());
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(p -> p.getFileName().toString().endsWith(suffix)).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + folder.toAbsolutePath(), e);
        }
        return files;
    }

    private static String packageFolder(byte[] drl) {
        var matcher = PACKAGE.matcher(new String(drl, java.nio.charset.StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
    }

    private static String hash(Map<String, byte[]> content) {
        return Sha256.hex(digest -> content.forEach((name, bytes) -> {
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            digest.update((byte) 0);
        })).substring(0, 12);
    }

    private record CatalogueFile(List<Intervention> interventions) {
    }

    private static List<Intervention> parseCatalogue(byte[] yaml, Predicate<String> knownMetric) {
        CatalogueFile file;
        try {
            file = new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(yaml, CatalogueFile.class);
        } catch (IOException e) {
            throw new RulesetBuildException(CATALOGUE_FILE + " is not a valid catalogue", List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Intervention> interventions = file == null || file.interventions() == null ? List.of() : file.interventions();
        for (int i = 0; i < interventions.size(); i++) {
            Intervention it = interventions.get(i);
            String where = CATALOGUE_FILE + ": interventions[" + i + "]";
            if (it.id() == null || it.id().isBlank() || !ids.add(it.id())) {
                problems.add(where + ": id is missing or not unique");
            }
            if (it.title() == null || it.title().isBlank()) {
                problems.add(where + ": title is missing");
            }
            if (it.patterns() == null || it.patterns().isEmpty()) {
                problems.add(where + ": patterns is empty");
            }
            if (it.timeBox() == null || it.timeBox().isNegative() || it.timeBox().isZero()) {
                problems.add(where + ": timeBox must be a positive ISO-8601 duration such as P14D");
            }
            if (it.metrics() == null || it.metrics().isEmpty()) {
                problems.add(where + ": metrics is empty");
            } else {
                it.metrics().stream().filter(knownMetric.negate())
                        .forEach(m -> problems.add(where + ": unknown metric '" + m + "'"));
            }
        }
        if (interventions.isEmpty()) {
            problems.add(CATALOGUE_FILE + ": no interventions");
        }
        if (!problems.isEmpty()) {
            throw new RulesetBuildException("the intervention catalogue is invalid", problems);
        }
        return interventions;
    }
}
