package org.assure.authority.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations (PROFILE-ADDITIONS): scripts {@code V<n>.sql} next to this class, applied in order,
 * each in its own transaction together with its row in {@code schema_version}. Flyway is not an OSGi bundle and
 * would bring far more than the authority needs; a schema that is newer than this code refuses to open.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** The scripts, in version order; append only, never edit one that has shipped. */
    static final List<String> SCRIPTS = List.of("initial schema", "management channel keys",
            "channel planning data");

    private Migrations() {
    }

    static void migrate(Dialect dialect, ConnectionPool pool) throws SQLException {
        Connection c = pool.acquire();
        boolean broken = true;
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            c.commit();
            for (int version = 1; version <= SCRIPTS.size(); version++) {
                applyIfMissing(dialect, c, version);
            }
            int current = currentVersion(c);
            c.commit();
            if (current > SCRIPTS.size()) {
                throw new SQLException("database schema version " + current + " is newer than this authority ("
                        + SCRIPTS.size() + ")");
            }
            broken = false;
        } finally {
            pool.release(c, broken);
        }
    }

    private static void applyIfMissing(Dialect dialect, Connection c, int version) throws SQLException {
        try {
            if (dialect == Dialect.POSTGRESQL) {
                // Two authorities starting on one database must not both apply a script.
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT version FROM schema_version WHERE version = ?"
                    + (dialect == Dialect.H2 ? " FOR UPDATE" : ""))) {
                p.setInt(1, version);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        c.commit();
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String statement : dialect.translate(script(version)).split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, SCRIPTS.get(version - 1));
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
            LOG.info("database schema migrated to version {} ({})", version, SCRIPTS.get(version - 1));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static String script(int version) {
        String name = "V" + version + ".sql";
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration script unreadable: " + name, e);
        }
    }
}
