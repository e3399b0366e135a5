package org.assure.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.crypto.SecretDerivation;

/**
 * A private key sealed at rest in the home, as the factory identity file seals the device's secrets
 * (docs/factory-identity.md): the DER PKCS#8 key encrypted with AES-256-GCM under a key derived by
 * PBKDF2-HMAC-SHA256 from the home passphrase, with {@code assure-sealed-key/1 <purpose>} as associated data so
 * that a file moved from {@code owner} to {@code manufacturer} does not open. UTF-8 text, one
 * {@code name = value} per line:
 *
 * <pre>
 * format = assure-sealed-key/1
 * purpose = owner
 * protection = pbkdf2-hmac-sha256/aes-256-gcm
 * protection.salt = base64 (16 bytes)
 * protection.iterations = 200000
 * key = base64 of nonce (12) || ciphertext || tag (16)
 * </pre>
 *
 * A wrong passphrase or any altered byte fails the tag check: one clear error, nothing used.
 */
final class SealedKeyFile {
    static final String FORMAT = "assure-sealed-key/1";
    static final String PROTECTION = "pbkdf2-hmac-sha256/aes-256-gcm";
    static final String FILE = "key.sealed";
    static final int ITERATIONS = 200_000;
    private static final int MIN_ITERATIONS = 10_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_SIZE = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("format", "purpose", "protection", "protection.salt",
            "protection.iterations", "key");

    private SealedKeyFile() {
    }

    /** Seals {@code key} under {@code passphrase} (cleared by the caller) into {@code file}, owner-only. */
    static void write(Path file, PrivateKey key, String purpose, char[] passphrase, SecureRandom random) {
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] der = key.getEncoded();
        byte[] aesKey = derive(passphrase, salt, ITERATIONS);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(purpose));
            byte[] body = cipher.doFinal(der);
            sealed = Arrays.copyOf(nonce, NONCE + body.length);
            System.arraycopy(body, 0, sealed, NONCE, body.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(der, (byte) 0);
            Arrays.fill(aesKey, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        String text = "# aSSURE private key, sealed under the home passphrase (AES-256-GCM, PBKDF2-HMAC-SHA256)\n"
                + "format = " + FORMAT + "\n"
                + "purpose = " + purpose + "\n"
                + "protection = " + PROTECTION + "\n"
                + "protection.salt = " + b64.encodeToString(salt) + "\n"
                + "protection.iterations = " + ITERATIONS + "\n"
                + "key = " + b64.encodeToString(sealed) + "\n";
        Home.writePrivate(file, text);
    }

    /**
     * The key sealed in {@code file}.
     *
     * @throws CliException naming the file if it is malformed, for another purpose, or does not open under
     *                      {@code passphrase} (wrong passphrase or altered file)
     */
    static PrivateKey read(Path file, String purpose, char[] passphrase) {
        String what = file.toString();
        String text = Home.readText(file, "");
        if (text.length() > MAX_SIZE) {
            throw new CliException(what + ": not a sealed key file (too large)");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            String name = eq < 0 ? l : l.substring(0, eq).strip();
            if (eq < 0 || !FIELDS.contains(name) || fields.put(name, l.substring(eq + 1).strip()) != null) {
                throw new CliException(what + ": not a sealed key file (line '" + (eq < 0 ? "?" : name) + "')");
            }
        }
        if (!fields.keySet().equals(FIELDS) || !FORMAT.equals(fields.get("format"))
                || !PROTECTION.equals(fields.get("protection"))) {
            throw new CliException(what + ": not a sealed key file (format " + FORMAT + ")");
        }
        if (!purpose.equals(fields.get("purpose"))) {
            throw new CliException(what + ": sealed for '" + fields.get("purpose") + "', not '" + purpose + "'");
        }
        byte[] salt;
        byte[] sealed;
        int iterations;
        try {
            salt = Base64.getDecoder().decode(fields.get("protection.salt"));
            sealed = Base64.getDecoder().decode(fields.get("key"));
            iterations = Integer.parseInt(fields.get("protection.iterations"));
        } catch (IllegalArgumentException e) {
            throw new CliException(what + ": not a sealed key file (bad base64 or number)");
        }
        if (salt.length < SALT || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS
                || sealed.length <= NONCE + TAG_BITS / 8) {
            throw new CliException(what + ": not a sealed key file (salt, iterations or key out of range)");
        }
        byte[] aesKey = derive(passphrase, salt, iterations);
        byte[] der;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(aad(purpose));
            der = cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new CliException(what + ": does not open: wrong home passphrase, or the file was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
        return PemFiles.privateKey(der, what);
    }

    private static byte[] aad(String purpose) {
        return (FORMAT + " " + purpose).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations) {
        return SecretDerivation.pbkdf2Sha256(passphrase, salt, iterations, 32);
    }
}
