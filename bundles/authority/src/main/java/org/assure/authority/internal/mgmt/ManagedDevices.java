package org.assure.authority.internal.mgmt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** JDBC access to the management server's {@code ms_devices}; every method runs in the caller's transaction. */
final class ManagedDevices {
    /** One managed device. */
    record Row(UUID id, int status, Optional<UUID> replacedBy, boolean disabled, Optional<byte[]> info) {
    }

    private ManagedDevices() {
    }

    static Optional<Row> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT status, replaced_by, disabled, info FROM ms_devices "
                + "WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String replaced = r.getString(2);
                return Optional.of(new Row(id, r.getInt(1), Optional.ofNullable(replaced).map(UUID::fromString),
                        r.getBoolean(3), Optional.ofNullable(r.getBytes(4))));
            }
        }
    }

    static void upsert(Connection c, UUID id, int status) throws SQLException {
        if (find(c, id, true).isPresent()) {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE ms_devices SET status = ?, disabled = FALSE, replaced_by = NULL, updated_at = ? WHERE id = ?")) {
                p.setInt(1, status);
                p.setTimestamp(2, Timestamp.from(Instant.now()));
                p.setString(3, id.toString());
                p.executeUpdate();
            }
            return;
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ms_devices (id, status, disabled, updated_at) "
                + "VALUES (?, ?, FALSE, ?)")) {
            p.setString(1, id.toString());
            p.setInt(2, status);
            p.setTimestamp(3, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
    }

    static void status(Connection c, UUID id, int status) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE ms_devices SET status = ?, updated_at = ? WHERE id = ?")) {
            p.setInt(1, status);
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            p.setString(3, id.toString());
            p.executeUpdate();
        }
    }

    static void info(Connection c, UUID id, byte[] info, int status) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE ms_devices SET info = ?, status = ?, updated_at = ? WHERE id = ?")) {
            p.setBytes(1, info);
            p.setInt(2, status);
            p.setTimestamp(3, Timestamp.from(Instant.now()));
            p.setString(4, id.toString());
            p.executeUpdate();
        }
    }

    static void channelKeys(Connection c, UUID id, byte[] managementKey, byte[] deviceKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE ms_devices SET management_key = ?, device_key = ?, updated_at = ? WHERE id = ?")) {
            p.setBytes(1, managementKey);
            p.setBytes(2, deviceKey);
            p.setTimestamp(3, Timestamp.from(Instant.now()));
            p.setString(4, id.toString());
            p.executeUpdate();
        }
    }

    /** The management key (authenticated key CBOR) and device key (SPKI) of an enabled device. */
    static Optional<byte[][]> channelKeys(Connection c, UUID id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT management_key, device_key FROM ms_devices WHERE id = ? AND disabled = FALSE")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next() || r.getBytes(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(new byte[][] {r.getBytes(1), r.getBytes(2)});
            }
        }
    }

    static void capabilities(Connection c, UUID id, int bits) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE ms_devices SET capabilities = ? WHERE id = ?")) {
            p.setInt(1, bits);
            p.setString(2, id.toString());
            p.executeUpdate();
        }
    }

    static void presenceAddress(Connection c, UUID id, byte[] address) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE ms_devices SET presence_address = ? WHERE id = ?")) {
            p.setBytes(1, address);
            p.setString(2, id.toString());
            p.executeUpdate();
        }
    }

    /** Capability bits (null before configuration) and last presence address (null before presence). */
    static Optional<Object[]> planning(Connection c, UUID id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT capabilities, presence_address FROM ms_devices WHERE id = ? AND disabled = FALSE")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                int bits = r.getInt(1);
                Integer caps = r.wasNull() ? null : bits;
                return Optional.of(new Object[] {caps, r.getBytes(2)});
            }
        }
    }

    static void disable(Connection c, UUID id, UUID replacement, int status) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE ms_devices SET disabled = TRUE, replaced_by = ?, "
                + "status = ?, updated_at = ? WHERE id = ?")) {
            p.setString(1, replacement.toString());
            p.setInt(2, status);
            p.setTimestamp(3, Timestamp.from(Instant.now()));
            p.setString(4, id.toString());
            p.executeUpdate();
        }
    }
}
