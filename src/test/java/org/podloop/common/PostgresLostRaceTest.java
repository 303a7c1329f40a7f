package org.podloop.common;

import org.podloop.support.OnPostgres;

/** {@link LostRaceContract} on PostgreSQL, whose locks and unique-key errors differ from H2's. */
@OnPostgres
class PostgresLostRaceTest extends LostRaceContract {}
