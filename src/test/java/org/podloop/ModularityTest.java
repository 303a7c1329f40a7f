package org.podloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules talk through each other's top-level packages only, and without cycles; the module documentation
 * (PlantUML component diagrams, all modules and one per module, in {@code target/spring-modulith-docs})
 * is written from the same model on every build.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PodloopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModuleDocumentationIsWrittenFromTheCode() {
        Path docs = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        assertThat(docs.resolve("components.puml")).exists();
        for (String module : new String[] {"loop", "process", "governance", "audit", "classification", "signal"}) {
            assertThat(docs.resolve("module-" + module + ".puml"))
                    .as("diagram of module %s", module)
                    .exists();
        }
    }
}
