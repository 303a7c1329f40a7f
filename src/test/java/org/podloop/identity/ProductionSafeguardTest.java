package org.podloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podloop.PodloopApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The production profile refuses to start open: no admin password from the environment, or demo users. */
class ProductionSafeguardTest {

    @Test
    void thePostgresProfileWithoutAnAdminPasswordRefusesToStartAndSaysWhatToSet() {
        // command-line arguments outrank the environment, so a PODLOOP_ADMIN_PASSWORD on the machine cannot mask this
        assertThatThrownBy(() -> start("--podloop.admin.password="))
                .hasMessageContaining("without an administrator password")
                .hasMessageContaining("PODLOOP_ADMIN_PASSWORD");
    }

    @Test
    void thePostgresProfileWithDemoUsersRefusesToStart() {
        assertThatThrownBy(() -> start("--podloop.admin.password=s3cret", "--podloop.demo.enabled=true"))
                .hasMessageContaining("demo users");
    }

    @Test
    void anotherDatabaseWithoutDemoUsersAndWithoutAnAdminPasswordRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(PodloopApplication.class)
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .run("--podloop.admin.password=", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
                        .close())
                .hasMessageContaining("without demo users and without an administrator password");
    }

    @Test
    void anAdminPasswordAndNoDemoPassTheSafeguard() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("postgres");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "podloop.admin.password",
                                "s3cret",
                                "spring.datasource.url",
                                "jdbc:postgresql://db:5432/podloop")));

        assertThatCode(() -> new ProductionSafeguard().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
        assertThat(environment.getProperty("podloop.demo.enabled", Boolean.class))
                .as("no demo users on another database")
                .isFalse();
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(PodloopApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("postgres")
                .logStartupInfo(false)
                .run(args)
                .close();
    }
}
