package org.assure.authority.internal.ta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.store.Database;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.core.error.ErrorKind;

/**
 * Parameter sets (draft §9.2.2–§9.2.4): opaque CBOR (the draft leaves the format TBD) that must be exactly one
 * well-formed data item of at most 64 KiB, owned by the manufacturer that uploaded it.
 */
public final class ParameterSets {
    public static final int MAX_SIZE = 64 * 1024;
    private final Database db;

    public ParameterSets(Database db) {
        this.db = db;
    }

    /** Uploads a new set; answers its UUID. */
    public UUID create(String manufacturer, byte[] cbor) throws AuthorityException {
        check(cbor);
        UUID id = UUID.randomUUID();
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO parameter_sets (id, manufacturer, data) VALUES (?, ?, ?)")) {
                p.setString(1, id.toString());
                p.setString(2, manufacturer);
                p.setBytes(3, cbor);
                p.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** Replaces a set; FORBIDDEN if it does not exist or belongs to another manufacturer. */
    public void replace(String manufacturer, UUID id, byte[] cbor) throws AuthorityException {
        check(cbor);
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE parameter_sets SET data = ? WHERE id = ? AND manufacturer = ?")) {
                p.setBytes(1, cbor);
                p.setString(2, id.toString());
                p.setString(3, manufacturer);
                if (p.executeUpdate() != 1) {
                    throw AuthorityException.forbidden();
                }
            }
            return null;
        });
    }

    /** A manufacturer's own set; FORBIDDEN otherwise. */
    public byte[] get(String manufacturer, UUID id) throws AuthorityException {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT data FROM parameter_sets WHERE id = ? AND manufacturer = ?")) {
                p.setString(1, id.toString());
                p.setString(2, manufacturer);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw AuthorityException.forbidden();
                    }
                    return r.getBytes(1);
                }
            }
        });
    }

    static Optional<byte[]> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT data FROM parameter_sets WHERE id = ?")) {
            p.setString(1, id.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    private static void check(byte[] cbor) throws AuthorityException {
        if (cbor.length > MAX_SIZE) {
            throw new AuthorityException(ErrorKind.TOO_LARGE, "parameter set too large");
        }
        try {
            CborReader r = CborReader.of(cbor);
            r.skipItem("parameter set");
            r.expectEnd();
        } catch (CborDecodeException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "parameter set is not one CBOR item");
        }
    }
}
