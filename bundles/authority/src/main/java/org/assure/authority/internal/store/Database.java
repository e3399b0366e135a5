package org.assure.authority.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import org.assure.authority.AuthorityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authority's database: a connection pool, transactions with retry of lost races, and the schema brought to
 * the current version by {@link Migrations} when opened.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 8;

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException, AuthorityException;
    }

    private final Dialect dialect;
    private final ConnectionPool pool;

    private Database(Dialect dialect, ConnectionPool pool) {
        this.dialect = dialect;
        this.pool = pool;
    }

    /**
     * Opens the database at {@code url} and migrates its schema.
     *
     * @throws SQLException if the database cannot be reached or migrated
     */
    public static Database open(String url, String user, String password, int maxConnections) throws SQLException {
        Dialect dialect = Dialect.of(Objects.requireNonNull(url, "url"));
        ConnectionPool pool = new ConnectionPool(dialect.driver(), url, user, password, maxConnections, 30_000);
        Database db = new Database(dialect, pool);
        try {
            Migrations.migrate(dialect, pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in one transaction and commits it; a lost race (deadlock, serialization failure, lock
     * timeout) rolls back and runs it again, so callers see either all of it or none of it.
     *
     * @throws AuthorityException what {@code work} threw (after rollback), or a database failure
     */
    public <T> T transaction(Work<T> work) throws AuthorityException {
        for (int attempt = 1; ; attempt++) {
            Connection c;
            try {
                c = pool.acquire();
            } catch (SQLException e) {
                throw AuthorityException.unavailable(e);
            }
            boolean broken = false;
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (AuthorityException e) {
                broken = !rollback(c);
                throw e;
            } catch (SQLException e) {
                broken = !rollback(c) || e instanceof SQLTransientConnectionException;
                if (dialect.isRetryable(e) && attempt < MAX_ATTEMPTS) {
                    LOG.debug("transaction lost a race (attempt {}), retrying", attempt);
                    continue;
                }
                throw AuthorityException.unavailable(e);
            } catch (RuntimeException e) {
                broken = !rollback(c);
                throw e;
            } finally {
                pool.release(c, broken);
            }
        }
    }

    private static boolean rollback(Connection c) {
        try {
            c.rollback();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
