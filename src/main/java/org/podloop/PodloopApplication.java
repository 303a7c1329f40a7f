package org.podloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Podloop: team signals of Human Debt → Drools findings → a Camunda loop of action, verification and decision. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PodloopApplication {

    public static void main(String[] args) {
        SpringApplication.run(PodloopApplication.class, args);
    }
}
