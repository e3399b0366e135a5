package org.assure.authority.internal.osgi;

import java.util.Arrays;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * Password attributes as Kura delivers them: encrypted by its CryptoService when one runs (Kura stores every
 * {@code Password} attribute that way), in clear otherwise (a plain ConfigAdmin runtime).
 */
final class KuraSecrets {
    private KuraSecrets() {
    }

    /**
     * The clear value of a password attribute; empty if it is not set.
     *
     * @throws IllegalArgumentException naming {@code property} if Kura's CryptoService cannot decrypt it (never
     *                                  with the value)
     */
    static char[] reveal(String value, CryptoService crypto, String property) {
        if (value == null || value.isEmpty()) {
            return new char[0];
        }
        if (crypto == null) {
            return value.toCharArray();
        }
        char[] encrypted = value.toCharArray();
        try {
            return crypto.decryptAes(encrypted);
        } catch (KuraException | RuntimeException e) {
            throw new IllegalArgumentException(property + ": cannot be decrypted by Kura's CryptoService");
        } finally {
            Arrays.fill(encrypted, '\0');
        }
    }
}
