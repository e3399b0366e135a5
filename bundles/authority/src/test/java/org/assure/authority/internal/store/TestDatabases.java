package org.assure.authority.internal.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Real databases for tests: an H2 file database in a temporary directory, and PostgreSQL when
 * {@code ASSURE_TEST_PG_URL}/{@code _USER}/{@code _PASSWORD} are set (CI sets them), in a fresh schema per
 * database so that concurrent test runs never see each other's rows. The PostgreSQL variant is skipped only when
 * the URL is absent.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** Connection settings of a fresh database of {@code dialect}; drop it with {@link #drop}. */
    public record Settings(Dialect dialect, String url, String user, String password, String schema) {
    }

    public static Settings fresh(Dialect dialect) throws Exception {
        if (dialect == Dialect.H2) {
            Path dir = Files.createTempDirectory("assure-h2");
            return new Settings(dialect, "jdbc:h2:file:" + dir.resolve("authority") + ";LOCK_TIMEOUT=10000", "sa", "", null);
        }
        String url = System.getenv("ASSURE_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "ASSURE_TEST_PG_URL not set: PostgreSQL variant skipped");
        String user = System.getenv("ASSURE_TEST_PG_USER");
        String password = System.getenv("ASSURE_TEST_PG_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = connect(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new Settings(dialect, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password,
                schema);
    }

    public static Database open(Settings s) throws SQLException {
        return Database.open(s.url(), s.user(), s.password(), 16);
    }

    public static void drop(Settings s) throws SQLException {
        if (s.schema() == null) {
            return;
        }
        String base = System.getenv("ASSURE_TEST_PG_URL");
        try (Connection c = connect(base, s.user(), s.password()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + s.schema() + " CASCADE");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user == null ? "" : user);
        p.setProperty("password", password == null ? "" : password);
        return new org.postgresql.Driver().connect(url, p);
    }
}
