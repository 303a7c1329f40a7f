package org.podloop;

import org.podloop.support.OnPostgres;

/** The walkthrough on PostgreSQL: same migrations, same engine, same loop. */
@OnPostgres
class PostgresLoopWalkthroughTest extends LoopWalkthrough {}
