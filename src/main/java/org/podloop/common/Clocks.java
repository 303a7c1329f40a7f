package org.podloop.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the domain, so tests and timelines agree on "now". */
@Configuration
class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
