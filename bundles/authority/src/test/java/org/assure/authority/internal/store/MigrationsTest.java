package org.assure.authority.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void given_a_fresh_database_when_opened_twice_then_every_script_is_applied_exactly_once(Dialect dialect)
            throws Exception {
        TestDatabases.Settings s = TestDatabases.fresh(dialect);
        try {
            try (Database db = TestDatabases.open(s)) {
                assertThat(versions(db)).isEqualTo(Migrations.SCRIPTS.size());
            }
            try (Database db = TestDatabases.open(s)) {
                assertThat(versions(db)).isEqualTo(Migrations.SCRIPTS.size());
                int devices = db.transaction(c -> {
                    try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM devices")) {
                        r.next();
                        return r.getInt(1);
                    }
                });
                assertThat(devices).isZero();
            }
        } finally {
            TestDatabases.drop(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void given_a_schema_newer_than_the_code_when_opened_then_it_refuses(Dialect dialect) throws Exception {
        TestDatabases.Settings s = TestDatabases.fresh(dialect);
        try {
            try (Database db = TestDatabases.open(s)) {
                db.transaction(c -> c.createStatement().executeUpdate("INSERT INTO schema_version "
                        + "(version, description, applied_at) VALUES (999, 'future', CURRENT_TIMESTAMP)"));
            }
            assertThatThrownBy(() -> TestDatabases.open(s)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("newer");
        } finally {
            TestDatabases.drop(s);
        }
    }

    private static int versions(Database db) throws Exception {
        return db.transaction(c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(r.getInt(2));
                return r.getInt(1);
            }
        });
    }
}
