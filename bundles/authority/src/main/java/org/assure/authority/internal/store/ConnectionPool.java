package org.assure.authority.internal.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small bounded JDBC connection pool. HikariCP's OSGi manifest imports SLF4J below 2.0, which would not
 * resolve in a runtime that ships SLF4J 2 (PROFILE-ADDITIONS), and the authority needs nothing more than a
 * bounded set of validated connections handed out one transaction at a time.
 */
final class ConnectionPool implements AutoCloseable {
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final String url;
    private final Driver driver;
    private final Properties properties;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final long acquireTimeoutMillis;
    private volatile boolean closed;

    ConnectionPool(Driver driver, String url, String user, String password, int maxConnections,
            long acquireTimeoutMillis) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.url = Objects.requireNonNull(url, "url");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
        this.properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        this.permits = new Semaphore(maxConnections, true);
        this.acquireTimeoutMillis = acquireTimeoutMillis;
    }

    /** A connection in manual-commit mode; give it back with {@link #release}. */
    Connection acquire() throws SQLException {
        if (closed) {
            throw new SQLException("connection pool closed");
        }
        try {
            if (!permits.tryAcquire(acquireTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("no database connection available", "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a database connection", "08001", e);
        }
        try {
            while (true) {
                Connection c;
                synchronized (idle) {
                    c = idle.pollFirst();
                }
                if (c == null) {
                    c = open();
                    return c;
                }
                if (c.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                    return c;
                }
                closeQuietly(c);
            }
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection; {@code broken} ones (after an I/O failure) are closed instead of reused. */
    void release(Connection c, boolean broken) {
        try {
            if (broken || closed || c.isClosed()) {
                closeQuietly(c);
                return;
            }
            synchronized (idle) {
                idle.addFirst(c);
            }
        } catch (SQLException e) {
            closeQuietly(c);
        } finally {
            permits.release();
        }
    }

    private Connection open() throws SQLException {
        // The driver instance is used directly: DriverManager's service lookup does not see bundle class loaders.
        Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("driver does not accept the URL", "08001");
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing useful can be done with a connection that fails to close; it is dropped either way.
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(ConnectionPool::closeQuietly);
            idle.clear();
        }
    }
}
