package org.assure.authority.internal.ta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.KeyFormat;

/** JDBC access to {@code devices}; every method runs inside the caller's transaction. */
final class Devices {
    private static final String COLUMNS = "id, manufacturer, bootstrap_server, key_format, public_key, secret_sealed, "
            + "case_sealed, parameter_set, capabilities, owner, owner_sequence, owner_information, config_keys, "
            + "bootstrap_key, bootstrap_image";

    private Devices() {
    }

    /** Reads a device, locking its row until the transaction ends when {@code forUpdate}. */
    static Optional<DeviceRow> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM devices WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                DeviceRow d = new DeviceRow();
                d.id = UUID.fromString(r.getString(1));
                d.manufacturer = r.getString(2);
                d.bootstrapServer = r.getLong(3);
                d.keyFormat = KeyFormat.fromCode(r.getInt(4));
                d.publicKey = r.getBytes(5);
                d.secretSealed = r.getBytes(6);
                d.caseSealed = r.getBytes(7);
                String ps = r.getString(8);
                d.parameterSet = ps == null ? null : UUID.fromString(ps);
                d.capabilities = DeviceRow.capabilities(r.getInt(9));
                d.owner = Optional.ofNullable(r.getString(10));
                d.ownerSequence = r.getLong(11);
                d.storedSequence = d.ownerSequence;
                d.ownerInformation = r.getBytes(12);
                d.configKeys = r.getBytes(13);
                d.bootstrapKey = r.getBytes(14);
                d.bootstrapImage = r.getBytes(15);
                return Optional.of(d);
            }
        }
    }

    static boolean exists(Connection c, UUID id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM devices WHERE id = ?")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    static void insert(Connection c, DeviceRow d) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO devices (" + COLUMNS
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, d.id.toString());
            p.setString(2, d.manufacturer);
            p.setLong(3, d.bootstrapServer);
            p.setInt(4, d.keyFormat.code());
            p.setBytes(5, d.publicKey);
            p.setBytes(6, d.secretSealed);
            p.setBytes(7, d.caseSealed);
            p.setString(8, d.parameterSet == null ? null : d.parameterSet.toString());
            p.setInt(9, DeviceRow.capabilityBits(d.capabilities));
            p.setString(10, d.owner.orElse(null));
            p.setLong(11, d.ownerSequence);
            p.setBytes(12, d.ownerInformation);
            p.setBytes(13, d.configKeys);
            p.setBytes(14, d.bootstrapKey);
            p.setBytes(15, d.bootstrapImage);
            Timestamp now = Timestamp.from(Instant.now());
            p.setTimestamp(16, now);
            p.setTimestamp(17, now);
            p.executeUpdate();
        }
    }

    /** Writes the ownership columns and the bootstrap image of a row read with {@code forUpdate}. */
    static void updateOwnership(Connection c, DeviceRow d) throws SQLException {
        // The row lock taken when reading should make the sequence check redundant; it stays as a guard against a
        // database whose SELECT ... FOR UPDATE returns a stale version: the lost race is then retried, not lost.
        try (PreparedStatement p = c.prepareStatement("UPDATE devices SET owner = ?, owner_sequence = ?, "
                + "owner_information = ?, config_keys = ?, bootstrap_image = ?, updated_at = ? WHERE id = ?"
                + " AND owner_sequence = ?")) {
            p.setString(1, d.owner.orElse(null));
            p.setLong(2, d.ownerSequence);
            p.setBytes(3, d.ownerInformation);
            p.setBytes(4, d.configKeys);
            p.setBytes(5, d.bootstrapImage);
            p.setTimestamp(6, Timestamp.from(Instant.now()));
            p.setString(7, d.id.toString());
            p.setLong(8, d.storedSequence);
            if (p.executeUpdate() != 1) {
                throw new SQLException("device row changed or vanished since it was read", "40001");
            }
        }
    }
}
