package org.assure.authority.internal.ta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.Ecies;
import org.assure.authority.internal.mgmt.BootstrapImages;
import org.assure.authority.internal.store.Dialect;
import org.assure.core.bootstrap.BootstrapException;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.error.ErrorKind;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustedAuthorityTest {
    private static final BootstrapPayload PAYLOAD = new BootstrapPayload(List.of(Bytes.fromHex("4203123412b276316b65797301")));

    static void claim(TestWorld w, TestWorld.Owner o, TestWorld.Device d, String caseString) throws AuthorityException {
        w.ta.changeOwner(o.mgmtId(), d.id, Optional.of(caseString), Optional.empty());
    }

    static void transfer(TestWorld w, TestWorld.Owner from, TestWorld.Device d, String to) throws AuthorityException {
        w.ta.changeOwner(from.mgmtId(), d.id, Optional.empty(), Optional.of(Optional.of(to)));
    }

    static void release(TestWorld w, TestWorld.Owner o, TestWorld.Device d) throws AuthorityException {
        w.ta.changeOwner(o.mgmtId(), d.id, Optional.empty(), Optional.of(Optional.empty()));
    }

    static long sequence(TestWorld w, TestWorld.Device d) throws AuthorityException {
        return w.ta.ownership(d.id).orElseThrow().sequence();
    }

    static Optional<String> owner(TestWorld w, TestWorld.Device d) throws AuthorityException {
        return w.ta.ownership(d.id).orElseThrow().owner();
    }

    static ErrorKind kindOf(ThrowingRunnable r) {
        try {
            r.run();
        } catch (AuthorityException e) {
            return e.kind();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no AuthorityException");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void given_uploads_when_duplicate_or_garbage_then_403_or_400_and_nothing_stored(Dialect dialect) throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Device d = w.upload(w.ecDevice());
            assertThat(kindOf(() -> w.ta.uploadDevice("maker", d.id, d.upload()))).isEqualTo(ErrorKind.FORBIDDEN);

            TestWorld.Device other = w.ecDevice();
            assertThat(kindOf(() -> w.ta.uploadDevice("maker", other.id, new byte[] {1, 2, 3})))
                    .isEqualTo(ErrorKind.MALFORMED);
            byte[] tampered = other.upload();
            tampered[tampered.length - 1] ^= 1;
            assertThat(kindOf(() -> w.ta.uploadDevice("maker", other.id, tampered))).isEqualTo(ErrorKind.MALFORMED);
            byte[] wrongKey = Ecies.encrypt(KeyGeneration.generate(GenerateKeyType.EC_P384, TestWorld.RANDOM).getPublic(),
                    DeviceRecordJson.encode(other.record()), TestWorld.RANDOM);
            assertThat(kindOf(() -> w.ta.uploadDevice("maker", other.id, wrongKey))).isEqualTo(ErrorKind.MALFORMED);
            byte[] notJson = Ecies.encrypt(w.services.keys().identity().pair().getPublic(), "{\"id\":1}".getBytes(),
                    TestWorld.RANDOM);
            assertThat(kindOf(() -> w.ta.uploadDevice("maker", other.id, notJson))).isEqualTo(ErrorKind.MALFORMED);
            assertThat(kindOf(() -> w.ta.uploadDevice("maker", UUID.randomUUID(), other.upload())))
                    .isEqualTo(ErrorKind.MALFORMED);
            assertThat(w.ta.ownership(other.id)).isEmpty();
            assertThat(w.ta.ownership(d.id)).contains(new TrustedAuthority.Ownership(Optional.empty(), 0));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void given_stored_devices_then_secrets_and_case_ids_appear_nowhere_in_the_database(Dialect dialect) throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Device d = w.upload(w.secretDevice());
            String secretHex = HexFormat.of().formatHex(d.secret.get().toByteArray());
            String caseHex = HexFormat.of().formatHex(d.caseString.getBytes(StandardCharsets.UTF_8));
            List<String> dump = new ArrayList<>();
            w.services.database().transaction(c -> {
                for (String table : List.of("devices", "authority_keys")) {
                    try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                        int n = r.getMetaData().getColumnCount();
                        while (r.next()) {
                            for (int i = 1; i <= n; i++) {
                                Object v = r.getObject(i);
                                dump.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v));
                            }
                        }
                    }
                }
                return null;
            });
            assertThat(String.join("|", dump)).doesNotContain(secretHex).doesNotContain(caseHex)
                    .doesNotContain(d.caseString);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void given_csrs_when_registered_then_random_serial_is_the_management_id_and_bad_csrs_are_refused(Dialect dialect)
            throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Owner a = w.owner();
            TestWorld.Owner b = w.owner();
            BigInteger serial = a.certificate().getSerialNumber();
            assertThat(serial.bitLength()).isGreaterThanOrEqualTo(64);
            assertThat(serial).isNotEqualTo(b.certificate().getSerialNumber());
            assertThat(w.ta.managementSystems().find(a.mgmtId())).isPresent();
            a.certificate().verify(w.services.keys().ca().pair().getPublic());

            byte[] csr = TestWorld.csr(KeyGeneration.generate(GenerateKeyType.EC_P256, TestWorld.RANDOM), "CN=x");
            byte[] badSignature = csr.clone();
            badSignature[badSignature.length - 3] ^= 1;
            byte[] trailing = java.util.Arrays.copyOf(csr, csr.length + 1);
            byte[] rsa = TestWorld.csr(KeyGeneration.generate(GenerateKeyType.RSA_2048, TestWorld.RANDOM), "CN=x");
            for (byte[] bad : List.of(new byte[0], "not a csr".getBytes(), badSignature, trailing, rsa)) {
                assertThat(kindOf(() -> w.ta.managementSystems().register(bad))).isEqualTo(ErrorKind.MALFORMED);
            }
            assertThat(kindOf(() -> w.ta.managementSystems().register(new byte[ManagementSystems.MAX_CSR + 1])))
                    .isEqualTo(ErrorKind.TOO_LARGE);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void owner_state_machine_increments_the_sequence_on_every_change_and_refuses_others(Dialect dialect)
            throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Device d = w.upload(w.ecDevice());
            TestWorld.Owner a = w.owner();
            TestWorld.Owner b = w.owner();

            assertThat(kindOf(() -> claim(w, a, d, "wrong"))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(owner(w, d)).isEmpty();
            assertThat(sequence(w, d)).isZero();

            claim(w, a, d, d.caseString);
            assertThat(owner(w, d)).contains(a.mgmtId());
            assertThat(sequence(w, d)).isEqualTo(1);
            claim(w, a, d, d.caseString); // already mine: nothing changes
            assertThat(sequence(w, d)).isEqualTo(1);
            assertThat(kindOf(() -> claim(w, b, d, d.caseString))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(kindOf(() -> transfer(w, b, d, b.mgmtId()))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(kindOf(() -> release(w, b, d))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(kindOf(() -> transfer(w, a, d, "ffffffffffffffffff"))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(kindOf(() -> w.ta.configuration(b.mgmtId(), d.id))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(sequence(w, d)).isEqualTo(1);

            transfer(w, a, d, b.mgmtId());
            assertThat(owner(w, d)).contains(b.mgmtId());
            assertThat(sequence(w, d)).isEqualTo(2);
            assertThat(kindOf(() -> w.ta.configuration(a.mgmtId(), d.id))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(w.ta.configuration(b.mgmtId(), d.id).ownerInformation().sequence()).isEqualTo(2);

            release(w, b, d);
            assertThat(owner(w, d)).isEmpty();
            assertThat(sequence(w, d)).isEqualTo(3);

            w.ta.changeOwner(a.mgmtId(), d.id, Optional.of(d.caseString), Optional.of(Optional.of(b.mgmtId())));
            assertThat(owner(w, d)).contains(b.mgmtId());
            assertThat(sequence(w, d)).isEqualTo(4);
            assertThat(kindOf(() -> claim(w, a, w.ecDevice(), "x"))).isEqualTo(ErrorKind.FORBIDDEN);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void images_built_from_configuration_data_open_on_ec_rsa_and_shared_secret_devices(Dialect dialect)
            throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Owner a = w.owner();
            for (TestWorld.Device d : List.of(w.ecDevice(), w.rsaDevice(), w.secretDevice())) {
                w.upload(d);
                claim(w, a, d, d.caseString);
                ConfigurationData config = w.ta.configuration(a.mgmtId(), d.id);
                byte[] image = BootstrapImages.build(config, a.key(), PAYLOAD, TestWorld.RANDOM);
                w.ta.putBootstrap(a.mgmtId(), d.id, image);
                assertThat(w.ta.getBootstrap(a.mgmtId(), d.id)).isEqualTo(image);
                assertThat(w.ta.bootstrapImage(d.id)).hasValueSatisfying(i -> assertThat(i).isEqualTo(image));

                OpenedImage opened = BootstrapImageOpener.open(image, d.state(0));
                assertThat(opened.payload()).isEqualTo(PAYLOAD);
                assertThat(opened.ownerSequence()).isEqualTo(1);
                // The bootstrap PSK the service would use is what the device derives from its own key.
                TrustedAuthority.BootstrapCredentials creds = w.ta.bootstrapCredentials(d.id).orElseThrow();
                assertThat(DerivedSecrets.resolve(creds.bootstrapKey(), d.anchors())).contains(creds.psk());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void bad_images_and_strangers_are_refused_and_change_nothing(Dialect dialect) throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Owner a = w.owner();
            TestWorld.Owner b = w.owner();
            TestWorld.Device d = w.upload(w.ecDevice());
            claim(w, a, d, d.caseString);
            byte[] image = BootstrapImages.build(w.ta.configuration(a.mgmtId(), d.id), a.key(), PAYLOAD, TestWorld.RANDOM);
            assertThat(kindOf(() -> w.ta.putBootstrap(b.mgmtId(), d.id, image))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(kindOf(() -> w.ta.putBootstrap(a.mgmtId(), d.id, new byte[] {(byte) 0x80})))
                    .isEqualTo(ErrorKind.MALFORMED);
            assertThat(kindOf(() -> w.ta.putBootstrap(a.mgmtId(), d.id, new byte[TrustedAuthority.MAX_IMAGE + 1])))
                    .isEqualTo(ErrorKind.TOO_LARGE);
            assertThat(kindOf(() -> w.ta.getBootstrap(a.mgmtId(), d.id))).isEqualTo(ErrorKind.FORBIDDEN);
            assertThat(kindOf(() -> w.ta.putBootstrap(a.mgmtId(), UUID.randomUUID(), image)))
                    .isEqualTo(ErrorKind.FORBIDDEN);
            // An image made for a previous owner sequence is refused after a change of owner.
            release(w, a, d);
            claim(w, a, d, d.caseString);
            assertThat(kindOf(() -> w.ta.putBootstrap(a.mgmtId(), d.id, image))).isEqualTo(ErrorKind.MALFORMED);
            assertThat(w.ta.bootstrapImage(d.id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void after_a_change_of_owner_the_old_owner_is_locked_out(Dialect dialect) throws Exception {
        try (TestWorld w = new TestWorld(dialect)) {
            TestWorld.Owner oldOwner = w.owner();
            TestWorld.Owner newOwner = w.owner();
            for (TestWorld.Device d : List.of(w.secretDevice(), w.ecDevice(), w.rsaDevice())) {
                w.upload(d);
                claim(w, oldOwner, d, d.caseString);
                ConfigurationData oldConfig = w.ta.configuration(oldOwner.mgmtId(), d.id);
                byte[] oldImage = BootstrapImages.build(oldConfig, oldOwner.key(), PAYLOAD, TestWorld.RANDOM);
                w.ta.putBootstrap(oldOwner.mgmtId(), d.id, oldImage);

                transfer(w, oldOwner, d, newOwner.mgmtId());
                // The old owner's image is gone from the authority and the old owner can no longer reach the device.
                assertThat(w.ta.bootstrapImage(d.id)).isEmpty();
                assertThat(kindOf(() -> w.ta.configuration(oldOwner.mgmtId(), d.id))).isEqualTo(ErrorKind.FORBIDDEN);
                assertThat(kindOf(() -> w.ta.putBootstrap(oldOwner.mgmtId(), d.id, oldImage)))
                        .isEqualTo(ErrorKind.FORBIDDEN);

                ConfigurationData newConfig = w.ta.configuration(newOwner.mgmtId(), d.id);
                assertThat(newConfig.ownerInformation().sequence()).isEqualTo(2);
                AuthenticatedKey newManagementKey = newConfig.authenticatedKeys().get(0);
                assertThat(newManagementKey.identityClass()).isEqualTo(IdentityClass.MANAGEMENT_SYSTEM);
                assertThat(newManagementKey.keyId()).isNotEqualTo(oldConfig.authenticatedKeys().get(0).keyId());
                if (newManagementKey.key() instanceof DerivedSecretKey k) {
                    // A shared-secret (or RSA-only) device's new management secret: the old owner cannot derive it.
                    assertThat(DerivedSecrets.resolve(k, TrustedKeys.of(List.of(oldOwner.key().asTrustedKey()))))
                            .isEmpty();
                    assertThat(DerivedSecrets.resolve(k, TrustedKeys.of(List.of(newOwner.key().asTrustedKey()))))
                            .isPresent();
                }
                // The old owner cannot build a new image the device accepts either.
                assertThatThrownBy(() -> BootstrapImages.build(newConfig, oldOwner.key(), PAYLOAD, TestWorld.RANDOM))
                        .isInstanceOf(org.assure.core.crypto.CryptoException.class);

                // The device takes the new owner's image, and from then on refuses the old owner's image.
                byte[] newImage = BootstrapImages.build(newConfig, newOwner.key(), PAYLOAD, TestWorld.RANDOM);
                w.ta.putBootstrap(newOwner.mgmtId(), d.id, newImage);
                OpenedImage opened = BootstrapImageOpener.open(newImage, d.state(1));
                assertThat(opened.ownerSequence()).isEqualTo(2);
                assertThatThrownBy(() -> BootstrapImageOpener.open(oldImage, d.state(opened.ownerSequence())))
                        .isInstanceOf(BootstrapException.class);
                assertThat(opened.keys()).noneMatch(k -> k.keyId().equals(oldOwner.key().keyId()));
            }
        }
    }
}
