package org.podloop.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The metrics Podloop understands, read once from {@code metrics.yaml} in the rules folder. */
@Service
public class MetricCatalogue {

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    MetricCatalogue(@Value("${podloop.rules.path}") Path rulesFolder) {
        load(rulesFolder);
    }

    /** The catalogue of a rules folder, for tools and tests that run without Spring. */
    public static MetricCatalogue of(Path rulesFolder) {
        return new MetricCatalogue(rulesFolder);
    }

    private void load(Path rulesFolder) {
        Path file = rulesFolder.resolve("metrics.yaml");
        try {
            Metric[] loaded = new ObjectMapper(new YAMLFactory()).readerFor(Metric[].class)
                    .at("/metrics").readValue(file.toFile());
            Arrays.stream(loaded).forEach(metric -> metrics.put(metric.key(), metric));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metric catalogue " + file.toAbsolutePath(), e);
        }
    }

    public List<Metric> all() {
        return List.copyOf(metrics.values());
    }

    public Optional<Metric> find(String key) {
        return Optional.ofNullable(metrics.get(key));
    }
}
