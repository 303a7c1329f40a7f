package org.podloop.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * One built version of the rules folder: the DRL compiled into a KieBase, the metric and intervention
 * catalogues and the self-check scenarios, versioned together by a hash of every file they came from.
 */
public final class Ruleset implements AutoCloseable {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    private final String version;
    private final Instant loadedAt;
    private final ReleaseId releaseId;
    private final KieContainer container;
    private final KieBase kieBase;
    private final MetricCatalogue metrics;
    private final List<Intervention> interventions;
    private final SelfCheck selfCheck;
    private final WorkTracking workTracking;
    /** Uses of this ruleset right now; it is released when retired and the last one ends. */
    private final AtomicInteger leases = new AtomicInteger();

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;

    private Ruleset(
            String version,
            Instant loadedAt,
            ReleaseId releaseId,
            KieContainer container,
            MetricCatalogue metrics,
            List<Intervention> interventions,
            SelfCheck selfCheck,
            WorkTracking workTracking) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.releaseId = releaseId;
        this.container = container;
        this.kieBase = container.getKieBase();
        this.metrics = metrics;
        this.interventions = interventions;
        this.selfCheck = selfCheck;
        this.workTracking = workTracking;
    }

    /**
     * Reads the folder once, checks the catalogues and builds the DRL, without running any
     * {@link RulesetCheck} (tools and tests build this way; the application through {@link ActiveRuleset}).
     * Throws {@link RulesetBuildException} naming file and line when anything is wrong; nothing is activated.
     */
    public static Ruleset build(Path folder, Instant now) {
        RulesFolder files = RulesFolder.read(folder);
        Map<String, byte[]> drl = files.drl();
        if (drl.isEmpty()) {
            throw new RulesetBuildException("no .drl files in " + folder.toAbsolutePath(), List.of());
        }
        byte[] metricsFile = files.required(RulesFolder.METRICS);
        byte[] interventionsFile = files.required(RulesFolder.INTERVENTIONS);
        MetricCatalogue metrics = MetricCatalogue.parse(metricsFile);
        List<Intervention> interventions = InterventionCatalogue.parse(interventionsFile, metrics);
        SelfCheck selfCheck =
                files.optional(RulesFolder.SELF_CHECK).map(SelfCheck::parse).orElse(SelfCheck.NONE);
        WorkTracking workTracking = files.optional(RulesFolder.WORK_TRACKING)
                .map(WorkTracking::parse)
                .orElse(WorkTracking.STANDARD);
        String version = files.version();

        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("org.podloop.rules", "ruleset", "1.0.0-" + version);
        KieFileSystem kieFiles = kie.newKieFileSystem();
        kieFiles.generateAndWritePomXML(releaseId);
        // Drools wants each DRL in a folder named after its package; the file name stays visible in messages.
        drl.forEach((name, bytes) -> kieFiles.write(RESOURCES + packageFolder(bytes) + name, bytes));
        KieBuilder builder = kie.newKieBuilder(kieFiles).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RulesetBuildException(
                    "the rules do not build",
                    errors.stream()
                            .map(m -> m.getPath().substring(m.getPath().lastIndexOf('/') + 1) + ":" + m.getLine() + ": "
                                    + m.getText().strip())
                            .toList());
        }
        return new Ruleset(
                version,
                now,
                releaseId,
                kie.newKieContainer(releaseId),
                metrics,
                interventions,
                selfCheck,
                workTracking);
    }

    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** How tracker statuses count for the execution metrics ({@code work-tracking.yaml}). */
    public WorkTracking workTracking() {
        return workTracking;
    }

    public MetricCatalogue metrics() {
        return metrics;
    }

    public List<Intervention> interventions() {
        return interventions;
    }

    public Optional<Intervention> intervention(String id) {
        return interventions.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public SelfCheck selfCheck() {
        return selfCheck;
    }

    /** Version, load time and every rule with its metadata, by package and name. */
    public RulesetInfo info() {
        return new RulesetInfo(
                version,
                loadedAt,
                kieBase.getKiePackages().stream()
                        .flatMap(p -> p.getRules().stream())
                        .sorted(Comparator.comparing(Rule::getPackageName).thenComparing(Rule::getName))
                        .map(rule -> new RulesetInfo.Rule(rule.getName(), rule.getPackageName(), metadataOf(rule)))
                        .toList());
    }

    /** A rule's metadata by the names authors wrote: Drools files {@code @description} under its annotation class. */
    public static Map<String, String> metadataOf(Rule rule) {
        Map<String, String> metadata = new TreeMap<>();
        rule.getMetaData().forEach((key, value) -> {
            String name = key.substring(key.lastIndexOf('.') + 1);
            metadata.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), String.valueOf(value));
        });
        return metadata;
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

    public boolean isReleased() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            container.dispose();
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
        }
    }

    private static String packageFolder(byte[] drl) {
        var matcher = PACKAGE.matcher(new String(drl, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1).replace('.', '/') + "/" : "";
    }
}
