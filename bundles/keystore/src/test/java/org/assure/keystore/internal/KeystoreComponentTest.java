package org.assure.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assure.core.model.GenerateKeyType;
import org.assure.itests.support.AesGcmCryptoService;
import org.assure.keystore.TrustedTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreComponentTest {
    @TempDir
    Path dir;

    private final TestKeys keys = new TestKeys();

    /** The configuration DS would pass, with the metatype defaults overridden where given. */
    private record Config(String data_directory, String factory_identity_file, String factory_passphrase, int capacity,
            int writer_wait_ms) implements KeystoreConfig {
        @Override
        public Class<? extends Annotation> annotationType() {
            return KeystoreConfig.class;
        }
    }

    private Config config(String passphrase) throws Exception {
        Path factory = FactoryIdentityFileTest.writeEc(dir, keys);
        return new Config(dir.resolve("data").toString(), factory.toString(), passphrase, 8, 1000);
    }

    @Test
    void given_a_valid_configuration_when_activated_then_the_keystore_serves_the_factory_identity() throws Exception {
        KeystoreComponent component = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);
        component.activate(config(new String(FactoryIdentityFileTest.PASSPHRASE)));

        assertThat(component.deviceId()).isEqualTo(keys.deviceId);
        assertThat(component.capacity()).isEqualTo(8);
        var generated = component.generateKey(GenerateKeyType.EC_P256, true);
        component.deactivate();

        KeystoreComponent again = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);
        again.activate(config(new String(FactoryIdentityFileTest.PASSPHRASE)));
        assertThat(again.key(generated.keyId())).isPresent();
        assertThat(again.toString()).doesNotContain(new String(FactoryIdentityFileTest.PASSPHRASE));
    }

    @Test
    void given_invalid_properties_when_activated_then_activation_fails_naming_the_property() throws Exception {
        Config good = config(new String(FactoryIdentityFileTest.PASSPHRASE));
        KeystoreComponent component = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);

        assertThatThrownBy(() -> component.activate(new Config(good.data_directory(), good.factory_identity_file(),
                good.factory_passphrase(), 0, 1000))).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("capacity:");
        assertThatThrownBy(() -> component.activate(new Config(good.data_directory(), good.factory_identity_file(),
                good.factory_passphrase(), 2000, 1000))).hasMessageStartingWith("capacity:");
        assertThatThrownBy(() -> component.activate(new Config(" ", good.factory_identity_file(),
                good.factory_passphrase(), 8, 1000))).hasMessageStartingWith("data.directory:");
        assertThatThrownBy(() -> component.activate(new Config(good.data_directory(), "",
                good.factory_passphrase(), 8, 1000))).hasMessageStartingWith("factory.identity.file:");
        assertThatThrownBy(() -> component.activate(new Config(good.data_directory(), good.factory_identity_file(),
                null, 8, 1000))).hasMessageStartingWith("factory.passphrase:");
        assertThatThrownBy(() -> component.activate(new Config(good.data_directory(), good.factory_identity_file(),
                good.factory_passphrase(), 8, 5))).hasMessageStartingWith("writer.wait.ms:");
        assertThatThrownBy(component::deviceId).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void given_a_missing_or_undecryptable_factory_file_when_activated_then_activation_fails() throws Exception {
        Config good = config(new String(FactoryIdentityFileTest.PASSPHRASE));
        KeystoreComponent component = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);

        assertThatThrownBy(() -> component.activate(new Config(good.data_directory(), dir.resolve("none").toString(),
                good.factory_passphrase(), 8, 1000))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> component.activate(config("Tr0ub4dor&3"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt").hasMessageNotContaining("Tr0ub4dor");
    }

    @Test
    void given_kura_crypto_when_activated_then_the_passphrase_is_decrypted_and_the_at_rest_key_wrapped()
            throws Exception {
        AesGcmCryptoService crypto = new AesGcmCryptoService();
        Config plain = config(new String(FactoryIdentityFileTest.PASSPHRASE));
        Config encrypted = new Config(plain.data_directory(), plain.factory_identity_file(),
                new String(crypto.encryptAes(FactoryIdentityFileTest.PASSPHRASE)), 8, 1000);
        KeystoreComponent component = new KeystoreComponent(Optional.of(crypto), TrustedTime.NONE);

        component.activate(encrypted);
        component.generateKey(GenerateKeyType.EC_P256, true);
        component.deactivate();

        String keyFile = Files.readString(Path.of(plain.data_directory()).resolve(AtRestKey.FILE_NAME));
        assertThat(keyFile).startsWith("assure-at-rest-key/1 kura ");
        // Without Kura's CryptoService the wrapped key cannot be read: the keystore stays down (fail closed).
        KeystoreComponent withoutKura = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);
        assertThatThrownBy(() -> withoutKura.activate(plain)).isInstanceOf(IllegalStateException.class);
        // A passphrase Kura cannot decrypt is refused, naming the property.
        KeystoreComponent notEncrypted = new KeystoreComponent(Optional.of(crypto), TrustedTime.NONE);
        assertThatThrownBy(() -> notEncrypted.activate(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("factory.passphrase:");
        // The same CryptoService unwraps it again.
        KeystoreComponent again = new KeystoreComponent(Optional.of(crypto), TrustedTime.NONE);
        again.activate(encrypted);
        assertThat(again.size()).isEqualTo(1);
    }

    @Test
    void given_a_plain_key_file_when_kura_crypto_appears_then_the_key_is_wrapped_and_the_store_still_opens()
            throws Exception {
        Config plain = config(new String(FactoryIdentityFileTest.PASSPHRASE));
        KeystoreComponent first = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);
        first.activate(plain);
        first.generateKey(GenerateKeyType.EC_P256, true);
        first.deactivate();
        AesGcmCryptoService crypto = new AesGcmCryptoService();

        KeystoreComponent withKura = new KeystoreComponent(Optional.of(crypto), TrustedTime.NONE);
        withKura.activate(new Config(plain.data_directory(), plain.factory_identity_file(),
                new String(crypto.encryptAes(FactoryIdentityFileTest.PASSPHRASE)), 8, 1000));

        assertThat(withKura.size()).isEqualTo(1);
        assertThat(Files.readString(Path.of(plain.data_directory()).resolve(AtRestKey.FILE_NAME)))
                .startsWith("assure-at-rest-key/1 kura ");
    }
}
