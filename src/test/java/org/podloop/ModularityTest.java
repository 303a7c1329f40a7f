package org.podloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules talk through each other's top-level packages only, and without cycles; the module documentation
 * (PlantUML component diagrams, all modules and one per module) is written from the same model on every
 * build; here into a fresh folder, so that no earlier build's files can stand in for it.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(PodloopApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModuleDocumentationIsWrittenFromTheCode(@TempDir Path docs) {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        assertThat(docs.resolve("components.puml")).exists();
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("loop", "process", "governance", "audit", "rules", "pulse")
                .allSatisfy(module -> assertThat(docs.resolve("module-" + module + ".puml"))
                        .as("diagram of module %s", module)
                        .exists());
    }
}
