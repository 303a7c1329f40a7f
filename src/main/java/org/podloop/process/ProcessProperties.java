package org.podloop.process;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code podloop.processes.path}: the folder of BPMN files and forms deployed at start-up (default {@code processes}). */
@ConfigurationProperties("podloop.processes")
record ProcessProperties(Path path) {}
