package org.podloop;

import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The walkthrough on PostgreSQL: same migrations, same engine, same loop. */
@ExtendWith(PostgresTestDatabase.class)
class PostgresLoopWalkthroughTest extends LoopWalkthrough {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
