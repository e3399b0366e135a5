package org.assure.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.SecretBytes;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.TrustedTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No private key, secret or passphrase shows in any toString, exception message or key listing. */
class SecretsHiddenTest {
    @TempDir
    Path dir;

    @Test
    void given_keys_with_private_parts_when_printed_or_listed_then_no_secret_appears() throws Exception {
        TestKeys keys = new TestKeys();
        FileKeystore store = FileKeystore.open(dir, keys.anchors(), 8, Optional.empty(), () -> TrustedTime.NONE,
                TestKeys.RANDOM, Duration.ofSeconds(1));
        AuthenticatedKey generated = store.generateKey(GenerateKeyType.EC_P256, true);
        byte[] devicePrivate = keys.device.keys().getPrivate().getEncoded();
        byte[] generatedPrivate = store.trustedKeys().find(generated.keyId()).orElseThrow().privateKey().orElseThrow()
                .getEncoded();
        SecretBytes secret = TestKeys.secret(32);
        KeystoreSettings settings = new KeystoreSettings(dir, dir.resolve("f"), "s3cr3t-passphrase".toCharArray(), 8,
                Duration.ofSeconds(1));
        FactoryIdentity identity = new FactoryIdentity(keys.deviceId, 1,
                new FactoryIdentity.DeviceSecret(java.util.UUID.randomUUID(), secret), keys.trustedAuthority.publicDefinition());

        List<String> printed = new ArrayList<>();
        printed.add(store.toString());
        printed.add(keys.anchors().toString());
        printed.add(settings.toString());
        printed.add(identity.toString());
        printed.add(new FactoryIdentity.DeviceKey(keys.device.privateDefinition()).toString());
        printed.add(new StoreCipher(secret, "TEST", TestKeys.RANDOM).toString());
        for (KeyInfo info : store.keys()) {
            printed.add(info.toString());
            store.state().keys().values().forEach(e -> printed.add(e.toString()));
        }
        store.keyList().forEach(e -> printed.add(e.toString()));
        printed.add(store.trustAnchors().toString());
        printed.add(new KeystoreException(KeystoreException.Reason.VALIDATION_FAILED).getMessage());

        for (String text : printed) {
            for (byte[] hidden : List.of(devicePrivate, generatedPrivate, secret.toByteArray())) {
                assertThat(text).doesNotContain(HexFormat.of().formatHex(hidden))
                        .doesNotContain(Base64.getEncoder().encodeToString(hidden));
                // the distinctive tail of a PKCS#8 key (the private scalar and public point)
                String tail = HexFormat.of().formatHex(hidden, Math.max(0, hidden.length - 24), hidden.length);
                assertThat(text).doesNotContain(tail);
            }
            assertThat(text).doesNotContain("s3cr3t-passphrase");
        }
    }
}
