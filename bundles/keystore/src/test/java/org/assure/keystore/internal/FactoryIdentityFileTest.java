package org.assure.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactoryIdentityFileTest {
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    static final int ITERATIONS = (int) FactoryIdentityFile.MIN_ITERATIONS;

    @TempDir
    Path dir;

    private final TestKeys keys = new TestKeys();

    /** An EC device's factory identity file. */
    static Path writeEc(Path dir, TestKeys keys) throws Exception {
        FactoryIdentity identity = new FactoryIdentity(keys.deviceId, keys.bootstrapServerId,
                new FactoryIdentity.DeviceKey(keys.device.privateDefinition()), keys.trustedAuthority.publicDefinition());
        Path file = dir.resolve("factory-identity.properties");
        Files.writeString(file, FactoryIdentityFile.format(identity, PASSPHRASE, ITERATIONS, TestKeys.RANDOM));
        return file;
    }

    @Test
    void given_an_ec_device_file_when_loaded_then_the_anchors_hold_the_device_private_key() throws Exception {
        Path file = writeEc(dir, keys);

        Anchors anchors = FactoryIdentityFile.load(file, PASSPHRASE);

        assertThat(anchors.deviceId()).isEqualTo(keys.deviceId);
        assertThat(anchors.bootstrapServerId()).isEqualTo(keys.bootstrapServerId);
        assertThat(anchors.deviceKey().keyId()).isEqualTo(keys.device.id());
        assertThat(anchors.deviceKey().privateKey()).get().isEqualTo(keys.device.keys().getPrivate());
        assertThat(anchors.trustedAuthorityKey().publicKey()).get().isEqualTo(keys.trustedAuthority.keys().getPublic());
        String text = Files.readString(file);
        assertThat(text).doesNotContain(Keys.encodePublic(keys.device.keys().getPublic()).toHex())
                .as("private key sealed").doesNotContain(java.util.Base64.getEncoder()
                        .encodeToString(keys.device.keys().getPrivate().getEncoded()));
    }

    @Test
    void given_an_rsa_device_file_when_loaded_then_the_rsa_key_is_the_device_key() throws Exception {
        KeyPair rsa = KeyGeneration.generate(GenerateKeyType.RSA_2048, TestKeys.RANDOM);
        UUID rsaId = UUID.randomUUID();
        FactoryIdentity identity = new FactoryIdentity(keys.deviceId, 0, new FactoryIdentity.DeviceKey(
                new RsaKey(rsaId, Keys.encodePublic(rsa.getPublic()), Keys.encodePrivate(rsa.getPrivate()))),
                keys.trustedAuthority.publicDefinition());
        Path file = dir.resolve("rsa.properties");
        Files.writeString(file, FactoryIdentityFile.format(identity, PASSPHRASE, ITERATIONS, TestKeys.RANDOM));

        Anchors anchors = FactoryIdentityFile.load(file, PASSPHRASE);

        assertThat(anchors.deviceKey().format()).isEqualTo(KeyFormat.RSA);
        assertThat(anchors.deviceKey().privateKey()).isPresent();
    }

    @Test
    void given_a_shared_secret_device_when_loaded_then_the_trusted_authority_secret_is_derived() throws Exception {
        UUID secretId = UUID.randomUUID();
        SecretBytes deviceSecret = TestKeys.secret(32);
        SecretBytes taSecret = TestKeys.secret(32);
        DerivedSecretKey ta = DerivedSecrets.create(UUID.randomUUID(), taSecret,
                List.of(new DerivationReference.Secret(secretId, deviceSecret, 1000)), TestKeys.RANDOM);
        FactoryIdentity identity = new FactoryIdentity(keys.deviceId, 12,
                new FactoryIdentity.DeviceSecret(secretId, deviceSecret), ta);
        Path file = dir.resolve("secret.properties");
        Files.writeString(file, FactoryIdentityFile.format(identity, PASSPHRASE, ITERATIONS, TestKeys.RANDOM));

        Anchors anchors = FactoryIdentityFile.load(file, PASSPHRASE);

        assertThat(anchors.deviceKey().secret()).contains(deviceSecret);
        assertThat(anchors.trustedAuthorityKey().secret()).contains(taSecret);
        assertThat(identity.toString()).doesNotContain(Keys.encodePublic(keys.device.keys().getPublic()).toHex());
    }

    @Test
    void given_a_trusted_authority_secret_without_derivation_from_the_device_when_loaded_then_refused()
            throws Exception {
        UUID secretId = UUID.randomUUID();
        DerivedSecretKey ta = DerivedSecrets.create(UUID.randomUUID(), TestKeys.secret(32),
                List.of(new DerivationReference.Secret(UUID.randomUUID(), TestKeys.secret(32), 1000)), TestKeys.RANDOM);
        FactoryIdentity identity = new FactoryIdentity(keys.deviceId, 12,
                new FactoryIdentity.DeviceSecret(secretId, TestKeys.secret(32)), ta);
        Path file = dir.resolve("secret.properties");
        Files.writeString(file, FactoryIdentityFile.format(identity, PASSPHRASE, ITERATIONS, TestKeys.RANDOM));

        assertThatThrownBy(() -> FactoryIdentityFile.load(file, PASSPHRASE))
                .isInstanceOf(FactoryIdentityException.class).hasMessageContaining("trusted.authority.key");
    }

    @Test
    void given_a_wrong_passphrase_when_loaded_then_refused_naming_the_field() throws Exception {
        Path file = writeEc(dir, keys);

        assertThatThrownBy(() -> FactoryIdentityFile.load(file, "wrong".toCharArray()))
                .isInstanceOf(FactoryIdentityException.class)
                .hasMessageContaining("device.key.private").hasMessageContaining("does not decrypt");
    }

    @Test
    void given_a_sealed_value_moved_to_another_device_id_when_loaded_then_it_does_not_decrypt() throws Exception {
        Path file = writeEc(dir, keys);
        String moved = Files.readString(file).replace(keys.deviceId.toString(), UUID.randomUUID().toString());
        Files.writeString(file, moved);

        assertThatThrownBy(() -> FactoryIdentityFile.load(file, PASSPHRASE))
                .isInstanceOf(FactoryIdentityException.class).hasMessageContaining("does not decrypt");
    }

    @Test
    void given_a_missing_file_when_loaded_then_refused() {
        assertThatThrownBy(() -> FactoryIdentityFile.load(dir.resolve("absent"), PASSPHRASE))
                .isInstanceOf(FactoryIdentityException.class).hasMessageContaining("does not exist");
    }

    @Test
    void given_malformed_files_when_loaded_then_each_is_refused_naming_what_is_wrong() throws Exception {
        String good = Files.readString(writeEc(dir, keys));
        assertRefused(good + "extra = 1\n", "unknown field");
        assertRefused(good + "device.id = " + keys.deviceId + "\n", "device.id appears twice");
        assertRefused(good.replaceAll("(?m)^trusted\\.authority\\.key.*$", ""), "trusted.authority.key is missing");
        assertRefused(good.replace("device.id = " + keys.deviceId, "device.id = not-a-uuid"), "device.id is not a UUID");
        assertRefused(good.replaceAll("(?m)^device\\.key = .*$", "device.key = ***"), "device.key is not base64");
        assertRefused(good.replaceAll("(?m)^device\\.key = .*$", "device.key = AAAA"), "device.key is not a key definition");
        assertRefused(good.replaceAll("(?m)^protection\\.iterations = .*$", "protection.iterations = 5"),
                "protection.iterations must be an integer");
        assertRefused(good.replaceAll("(?m)^format = .*$", "format = other/2"), "format must be");
        assertRefused(good + "device.secret.id = " + UUID.randomUUID() + "\n", "exactly one of");
        assertRefused("just text\n", "expected name = value");
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> FactoryIdentityFile.load(binary, PASSPHRASE)).hasMessageContaining("not UTF-8");
    }

    @Test
    void given_a_device_key_whose_private_part_belongs_to_another_key_when_loaded_then_refused() throws Exception {
        TestKeys.Pair other = TestKeys.Pair.generate();
        org.assure.core.model.EcKey mismatched = new org.assure.core.model.EcKey(keys.device.id(),
                Keys.encodePublic(keys.device.keys().getPublic()), Keys.encodePrivate(other.keys().getPrivate()));
        FactoryIdentity identity = new FactoryIdentity(keys.deviceId, 1, new FactoryIdentity.DeviceKey(mismatched),
                keys.trustedAuthority.publicDefinition());

        assertRefused(FactoryIdentityFile.format(identity, PASSPHRASE, ITERATIONS, TestKeys.RANDOM),
                "does not match device.key");
    }

    private void assertRefused(String content, String message) throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> FactoryIdentityFile.load(file, PASSPHRASE)).isInstanceOf(FactoryIdentityException.class)
                .hasMessageContaining(message).hasMessageNotContaining(new String(PASSPHRASE));
    }
}
