package org.assure.distribution.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;

/**
 * Writes a factory identity file for an EC device exactly as docs/factory-identity.md defines it (fresh keys made at
 * test time, the Trusted Authority key a random one: the gateway only needs it to start) and its passphrase file.
 */
final class FactoryIdentityFixture {
    static final String PASSPHRASE = "test passphrase, not a secret";
    /** The format's lowest allowed PBKDF2 count keeps the gateway's start fast. */
    static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID deviceId = UUID.randomUUID();
    final Path identity;
    final Path passphrase;

    private FactoryIdentityFixture(Path identity, Path passphrase) {
        this.identity = identity;
        this.passphrase = passphrase;
    }

    /** Writes {@code factory-identity.properties} and {@code factory-passphrase} into {@code home}. */
    static FactoryIdentityFixture writeInto(Path home) throws IOException {
        Files.createDirectories(home);
        FactoryIdentityFixture fixture = new FactoryIdentityFixture(home.resolve("factory-identity.properties"),
                home.resolve("factory-passphrase"));
        Files.writeString(fixture.identity, fixture.text());
        Files.writeString(fixture.passphrase, PASSPHRASE + "\n");
        return fixture;
    }

    private String text() {
        KeyPair device = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        KeyPair authority = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        EcKey deviceKey = new EcKey(deviceId, Keys.encodePublic(device.getPublic()), Keys.encodePrivate(
                device.getPrivate()));
        EcKey authorityKey = EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(authority.getPublic()));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] key = SecretDerivation.pbkdf2Sha256(PASSPHRASE.getBytes(StandardCharsets.UTF_8), salt, ITERATIONS, 32);
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] pkcs8 = deviceKey.privateKey().toByteArray();
        StringBuilder text = new StringBuilder();
        line(text, "format", "assure-factory-identity/1");
        line(text, "device.id", deviceId.toString());
        line(text, "bootstrap.server.id", "1");
        line(text, "device.key", b64.encodeToString(KeyDefinitionCodec.encode(KeyDefinitionCodec.publicForm(deviceKey))));
        line(text, "device.key.private", b64.encodeToString(seal(key, "device.key.private", pkcs8)));
        line(text, "trusted.authority.key", b64.encodeToString(KeyDefinitionCodec.encode(authorityKey)));
        line(text, "protection", "pbkdf2-hmac-sha256/aes-256-gcm");
        line(text, "protection.salt", b64.encodeToString(salt));
        line(text, "protection.iterations", Integer.toString(ITERATIONS));
        Arrays.fill(key, (byte) 0);
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(" = ").append(value).append('\n');
    }

    private byte[] seal(byte[] key, String field, byte[] plaintext) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("assure-factory-identity/1 " + deviceId + " " + field).getBytes(StandardCharsets.US_ASCII));
            byte[] body = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(nonce, nonce.length + body.length);
            System.arraycopy(body, 0, out, nonce.length, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For trying the jar by hand: {@code java ... FactoryIdentityFixture <home>}. */
    public static void main(String[] args) throws IOException {
        FactoryIdentityFixture fixture = writeInto(Path.of(args[0]));
        System.out.println(fixture.deviceId);
    }
}
