package org.assure.authority.internal;

import java.security.SecureRandom;
import java.util.List;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.identity.AtRestCipher;
import org.assure.authority.internal.identity.IdentityService;
import org.assure.authority.internal.store.Database;
import org.assure.authority.internal.ta.AuthorityKeys;
import org.assure.authority.internal.ta.TrustedAuthority;
import org.assure.core.model.SecretBytes;

/** The Trusted Authority's parts wired together over one database. Closing it closes the database. */
public final class AuthorityServices implements AutoCloseable {
    private final Database db;
    private final AuthorityKeys keys;
    private final IdentityService identity;
    private final TrustedAuthority trustedAuthority;

    private AuthorityServices(Database db, AuthorityKeys keys, IdentityService identity, TrustedAuthority ta) {
        this.db = db;
        this.keys = keys;
        this.identity = identity;
        this.trustedAuthority = ta;
    }

    /** Loads or creates the authority's keys in {@code db} (which this object then owns). */
    public static AuthorityServices open(Database db, SecretBytes masterKey, List<String> tlsHosts, SecureRandom random)
            throws AuthorityException {
        try {
            AtRestCipher cipher = new AtRestCipher(masterKey, random);
            AuthorityKeys keys = AuthorityKeys.loadOrCreate(db, cipher, tlsHosts, random);
            IdentityService identity = new IdentityService(cipher, keys.identity().pair(), random);
            return new AuthorityServices(db, keys, identity, new TrustedAuthority(db, keys, identity, random));
        } catch (AuthorityException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Database database() {
        return db;
    }

    public AuthorityKeys keys() {
        return keys;
    }

    public IdentityService identity() {
        return identity;
    }

    public TrustedAuthority trustedAuthority() {
        return trustedAuthority;
    }

    @Override
    public void close() {
        db.close();
    }
}
