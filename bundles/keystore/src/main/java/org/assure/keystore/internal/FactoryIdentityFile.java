package org.assure.keystore.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;

/**
 * Reads and writes the factory identity file (format in docs/factory-identity.md): {@code name = value} lines,
 * secrets sealed with AES-256-GCM under a key derived from the factory passphrase with PBKDF2-HMAC-SHA256, each
 * bound to the device id and its field name. Parsing is strict: unknown, duplicate or missing fields, bad
 * base64, wrong lengths and a wrong passphrase are refused with the field named and no value shown.
 */
final class FactoryIdentityFile {
    static final String FORMAT = "assure-factory-identity/1";
    static final String PROTECTION = "pbkdf2-hmac-sha256/aes-256-gcm";
    static final long MIN_ITERATIONS = 10_000;
    static final long MAX_ITERATIONS = 10_000_000;
    static final int DEFAULT_ITERATIONS = 200_000;
    private static final int MAX_FILE = 64 * 1024;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    static final String F_FORMAT = "format";
    static final String F_DEVICE_ID = "device.id";
    static final String F_BOOTSTRAP_SERVER = "bootstrap.server.id";
    static final String F_DEVICE_KEY = "device.key";
    static final String F_DEVICE_KEY_PRIVATE = "device.key.private";
    static final String F_DEVICE_SECRET_ID = "device.secret.id";
    static final String F_DEVICE_SECRET = "device.secret";
    static final String F_TA_KEY = "trusted.authority.key";
    static final String F_PROTECTION = "protection";
    static final String F_SALT = "protection.salt";
    static final String F_ITERATIONS = "protection.iterations";
    private static final Set<String> FIELDS = Set.of(F_FORMAT, F_DEVICE_ID, F_BOOTSTRAP_SERVER, F_DEVICE_KEY,
            F_DEVICE_KEY_PRIVATE, F_DEVICE_SECRET_ID, F_DEVICE_SECRET, F_TA_KEY, F_PROTECTION, F_SALT, F_ITERATIONS);

    private FactoryIdentityFile() {
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /**
     * Reads the file and builds the trust anchors.
     *
     * @throws FactoryIdentityException if the file is missing, malformed, or does not decrypt with the passphrase
     */
    static Anchors load(Path file, char[] passphrase) throws FactoryIdentityException {
        return anchors(read(file, passphrase), file);
    }

    static FactoryIdentity read(Path file, char[] passphrase) throws FactoryIdentityException {
        byte[] content;
        try {
            if (Files.size(file) > MAX_FILE) {
                throw error(file, "file", "larger than " + MAX_FILE + " bytes");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw error(file, "file", "does not exist");
        } catch (IOException e) {
            throw new FactoryIdentityException("factory identity " + file + ": cannot be read", e);
        }
        Map<String, String> fields = parse(file, content);
        Reader r = new Reader(file, fields);
        if (!FORMAT.equals(r.required(F_FORMAT))) {
            throw error(file, F_FORMAT, "must be " + FORMAT);
        }
        if (!PROTECTION.equals(r.required(F_PROTECTION))) {
            throw error(file, F_PROTECTION, "must be " + PROTECTION);
        }
        UUID deviceId = r.uuid(F_DEVICE_ID);
        long bootstrapServerId = r.number(F_BOOTSTRAP_SERVER, 0, Long.MAX_VALUE);
        byte[] salt = r.base64(F_SALT, 16, 64);
        long iterations = r.number(F_ITERATIONS, MIN_ITERATIONS, MAX_ITERATIONS);
        boolean hasKey = fields.containsKey(F_DEVICE_KEY) || fields.containsKey(F_DEVICE_KEY_PRIVATE);
        boolean hasSecret = fields.containsKey(F_DEVICE_SECRET_ID) || fields.containsKey(F_DEVICE_SECRET);
        if (hasKey == hasSecret) {
            throw error(file, F_DEVICE_KEY, "exactly one of device.key and device.secret is required");
        }
        byte[] sealingKey = sealingKey(passphrase, salt, (int) iterations);
        try {
            FactoryIdentity.DeviceCredential credential;
            if (hasKey) {
                KeyDefinition definition = r.keyDefinition(F_DEVICE_KEY);
                if (!(definition instanceof AsymmetricKey publicKey) || publicKey.hasPrivateKey()) {
                    throw error(file, F_DEVICE_KEY, "must be an EC or RSA key in public form");
                }
                byte[] pkcs8 = open(file, F_DEVICE_KEY_PRIVATE, r.base64(F_DEVICE_KEY_PRIVATE, NONCE + 17, MAX_FILE),
                        sealingKey, deviceId);
                SecretBytes privateKey = SecretBytes.wrap(pkcs8);
                AsymmetricKey full = publicKey instanceof EcKey ec ? new EcKey(ec.keyId(), ec.publicKey(), privateKey)
                        : new RsaKey(publicKey.keyId(), publicKey.publicKey(), privateKey);
                credential = new FactoryIdentity.DeviceKey(full);
            } else {
                UUID secretId = r.uuid(F_DEVICE_SECRET_ID);
                byte[] secret = open(file, F_DEVICE_SECRET, r.base64(F_DEVICE_SECRET, NONCE + 16 + 16, NONCE + 64 + 16),
                        sealingKey, deviceId);
                credential = new FactoryIdentity.DeviceSecret(secretId, SecretBytes.wrap(secret));
            }
            KeyDefinition ta = r.keyDefinition(F_TA_KEY);
            if (ta instanceof AsymmetricKey a && a.hasPrivateKey()) {
                throw error(file, F_TA_KEY, "must not carry a private key");
            }
            try {
                return new FactoryIdentity(deviceId, bootstrapServerId, credential, ta);
            } catch (IllegalArgumentException e) {
                throw error(file, F_DEVICE_SECRET, e.getMessage());
            }
        } finally {
            Arrays.fill(sealingKey, (byte) 0);
        }
    }

    private static Anchors anchors(FactoryIdentity identity, Path file) throws FactoryIdentityException {
        TrustedKey device;
        try {
            device = identity.deviceCredential() instanceof FactoryIdentity.DeviceKey key
                    ? TrustedKey.anchor(key.key(), IdentityClass.DEVICE)
                    : TrustedKey.secretAnchor(identity.deviceCredential().keyId(), IdentityClass.DEVICE,
                            ((FactoryIdentity.DeviceSecret) identity.deviceCredential()).secret());
        } catch (CryptoException e) {
            throw error(file, F_DEVICE_KEY_PRIVATE, "key material is invalid or does not match device.key");
        }
        TrustedKey ta;
        try {
            if (identity.trustedAuthorityKey() instanceof AsymmetricKey key) {
                ta = TrustedKey.anchor(key, IdentityClass.TRUSTED_AUTHORITY);
            } else {
                DerivedSecretKey derived = (DerivedSecretKey) identity.trustedAuthorityKey();
                SecretBytes secret = DerivedSecrets.resolve(derived, TrustedKeys.of(List.of(device)))
                        .orElseThrow(() -> error(file, F_TA_KEY, "derived secret has no derivation from the device key"));
                ta = TrustedKey.derivedAnchor(derived, IdentityClass.TRUSTED_AUTHORITY, secret);
            }
        } catch (CryptoException e) {
            throw error(file, F_TA_KEY, "key material is invalid");
        }
        try {
            return new Anchors(identity.deviceId(), device, ta, identity.bootstrapServerId());
        } catch (IllegalArgumentException e) {
            throw error(file, F_TA_KEY, e.getMessage());
        }
    }

    private static Map<String, String> parse(Path file, byte[] content) throws FactoryIdentityException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw error(file, "file", "is not UTF-8 text");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw error(file, "line " + (i + 1), "expected name = value");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!FIELDS.contains(name)) {
                throw error(file, "line " + (i + 1), "unknown field");
            }
            if (fields.put(name, value) != null) {
                throw error(file, name, "appears twice");
            }
        }
        return fields;
    }

    /** Field access with errors naming the field. */
    private record Reader(Path file, Map<String, String> fields) {
        String required(String name) throws FactoryIdentityException {
            String value = fields.get(name);
            if (value == null || value.isEmpty()) {
                throw error(file, name, "is missing");
            }
            return value;
        }

        UUID uuid(String name) throws FactoryIdentityException {
            String value = required(name);
            try {
                UUID id = UUID.fromString(value);
                if (!id.toString().equalsIgnoreCase(value)) {
                    throw new IllegalArgumentException("not canonical");
                }
                return id;
            } catch (IllegalArgumentException e) {
                throw error(file, name, "is not a UUID (8-4-4-4-12 hex)");
            }
        }

        long number(String name, long min, long max) throws FactoryIdentityException {
            String value = required(name);
            try {
                long n = Long.parseLong(value);
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(file, name, "must be an integer " + min + ".." + max);
            }
        }

        byte[] base64(String name, int min, int max) throws FactoryIdentityException {
            String value = required(name);
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw error(file, name, "is not base64");
            }
            if (bytes.length < min || bytes.length > max) {
                throw error(file, name, "has the wrong length");
            }
            return bytes;
        }

        KeyDefinition keyDefinition(String name) throws FactoryIdentityException {
            try {
                return KeyDefinitionCodec.decode(base64(name, 1, MAX_FILE));
            } catch (CborDecodeException e) {
                throw error(file, name, "is not a key definition (" + e.getMessage() + ")");
            }
        }
    }

    private static byte[] open(Path file, String field, byte[] sealed, byte[] key, UUID deviceId)
            throws FactoryIdentityException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(aad(deviceId, field));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw error(file, field, "does not decrypt: wrong passphrase or altered file");
        }
    }

    private static byte[] aad(UUID deviceId, String field) {
        return (FORMAT + " " + deviceId + " " + field).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sealingKey(char[] passphrase, byte[] salt, int iterations) {
        return SecretDerivation.pbkdf2Sha256(passphrase, salt, iterations, 32);
    }

    private static FactoryIdentityException error(Path file, String field, String problem) {
        return new FactoryIdentityException("factory identity " + file + ": " + field + " " + problem);
    }

    // ---- writing (manufacturing tools and tests) -------------------------------------------------------------

    /** The file text for {@code identity}, secrets sealed under {@code passphrase}. */
    static String format(FactoryIdentity identity, char[] passphrase, int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] key = sealingKey(passphrase, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder();
        out.append("# aSSURE factory identity (docs/factory-identity.md). Secrets are sealed under the factory passphrase.\n");
        line(out, F_FORMAT, FORMAT);
        line(out, F_DEVICE_ID, identity.deviceId().toString());
        line(out, F_BOOTSTRAP_SERVER, Long.toString(identity.bootstrapServerId()));
        try {
            if (identity.deviceCredential() instanceof FactoryIdentity.DeviceKey device) {
                line(out, F_DEVICE_KEY, b64.encodeToString(KeyDefinitionCodec.encode(device.key().publicOnly())));
                byte[] pkcs8 = device.key().privateKey().toByteArray();
                line(out, F_DEVICE_KEY_PRIVATE,
                        b64.encodeToString(seal(F_DEVICE_KEY_PRIVATE, pkcs8, key, identity.deviceId(), random)));
                Arrays.fill(pkcs8, (byte) 0);
            } else {
                FactoryIdentity.DeviceSecret device = (FactoryIdentity.DeviceSecret) identity.deviceCredential();
                line(out, F_DEVICE_SECRET_ID, device.keyId().toString());
                byte[] secret = device.secret().toByteArray();
                line(out, F_DEVICE_SECRET, b64.encodeToString(seal(F_DEVICE_SECRET, secret, key, identity.deviceId(), random)));
                Arrays.fill(secret, (byte) 0);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        line(out, F_TA_KEY, b64.encodeToString(KeyDefinitionCodec.encode(identity.trustedAuthorityKey())));
        line(out, F_PROTECTION, PROTECTION);
        line(out, F_SALT, b64.encodeToString(salt));
        line(out, F_ITERATIONS, Integer.toString(iterations));
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(" = ").append(value).append('\n');
    }

    private static byte[] seal(String field, byte[] plaintext, byte[] key, UUID deviceId, SecureRandom random) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(deviceId, field));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
