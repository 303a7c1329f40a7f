package org.podloop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podloop.support.PostgresTestDatabase;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database written before audit ids came from the chain's head (V17) keeps its entries and ids, and the next
 * entry follows the newest of them, also when the identity column had left a gap (a rolled-back append), and
 * follows the last verified entry when entries after it were removed (their ids are not given again).
 */
class AuditIdMigrationTest {

    @Test
    void anExistingChainContinuesAfterItsNewestIdOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-ids;DB_CLOSE_DELAY=-1");
        migrateAnExistingChain(h2);
    }

    @Test
    @ExtendWith(PostgresTestDatabase.class)
    void anExistingChainContinuesAfterItsNewestIdOnPostgres() throws Exception {
        PostgresTestDatabase.inFreshDatabase(
                "podloop_audit_ids",
                db -> migrateAnExistingChain(new DriverManagerDataSource(db.url(), db.user(), db.password())));
    }

    private static void migrateAnExistingChain(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).target("16").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (int i = 0; i < 3; i++) {
            insertWithoutId(jdbc);
        }
        // the identity column's gap: an append whose transaction rolled back
        jdbc.update("delete from audit_entries where id = (select max(id) from audit_entries)");
        insertWithoutId(jdbc);
        long newest = jdbc.queryForObject("select max(id) from audit_entries", Long.class);
        assertThat(newest).isEqualTo(4);

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(jdbc.queryForObject("select last_id from audit_head", Long.class))
                .as("the head gives the next entry the id after the newest")
                .isEqualTo(newest);
        assertThat(jdbc.queryForList("select id from audit_entries order by id", Long.class))
                .containsExactly(1L, 2L, 4L);
        assertThatThrownBy(() -> insertWithoutId(jdbc))
                .as("every writer takes its id from the head")
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void entriesRemovedAfterTheLastCheckDoNotGiveTheirIdsAgain() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:audit-ids-removed;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).target("16").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        for (int i = 0; i < 3; i++) {
            insertWithoutId(jdbc);
        }
        jdbc.update("update audit_checkpoint set entry_id = 3");
        jdbc.update("delete from audit_entries where id = 3");

        Flyway.configure().dataSource(h2).load().migrate();

        assertThat(jdbc.queryForObject("select last_id from audit_head", Long.class))
                .as("the next entry is 4, after the last verified one, not 3 again")
                .isEqualTo(3);
    }

    private static void insertWithoutId(JdbcTemplate jdbc) {
        jdbc.update("insert into audit_entries (recorded_at, kind, content, previous_hash, hash)"
                + " values (current_timestamp, 'RULESET_ACTIVATED', '{}', '', 'h')");
    }
}
