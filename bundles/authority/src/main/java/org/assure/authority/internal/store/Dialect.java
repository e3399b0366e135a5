package org.assure.authority.internal.store;

import java.sql.Driver;
import java.sql.SQLException;

/** The databases the authority runs on: H2 embedded (the default) and PostgreSQL (for scale). */
public enum Dialect {
    H2("VARBINARY(2000000)"),
    POSTGRESQL("BYTEA");

    private final String bytesType;

    Dialect(String bytesType) {
        this.bytesType = bytesType;
    }

    /** The dialect for a JDBC URL. */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (jdbc:h2: or jdbc:postgresql: expected)");
    }

    Driver driver() {
        return switch (this) {
            case H2 -> new org.h2.Driver();
            case POSTGRESQL -> new org.postgresql.Driver();
        };
    }

    /** Replaces the placeholders of a migration script with this dialect's types. */
    String translate(String sql) {
        return sql.replace("${bytes}", bytesType);
    }

    /** Whether a failure is a lost race that a retry of the whole transaction can win. */
    boolean isRetryable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            // 40001 serialization failure, 40P01 deadlock (PostgreSQL); H2 reports lock timeouts as HYT00
            // and deadlocks as 40001; 23505 is a duplicate key from two concurrent first inserts.
            if (state != null && (state.equals("40001") || state.equals("40P01") || state.equals("HYT00"))) {
                return true;
            }
        }
        return false;
    }
}
