package org.podloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The real rules/ folder, for tests that edit a copy of it. */
public final class ShippedRulesFolder {

    public static final Path FOLDER = Path.of("rules");

    private ShippedRulesFolder() {}

    /** Copies every file of rules/ into {@code folder}, replacing what is there. */
    public static void copyInto(Path folder) {
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
