package org.assure.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.crypto.Keys;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.AuthenticatedKeyValidator;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.ValidationException;
import org.assure.core.trust.Validity;
import org.assure.keystore.DeleteOutcome;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeyOrigin;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.assure.keystore.TrustedTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeystoreTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path dir;

    private final TestKeys keys = new TestKeys();
    private TrustedTime time = TrustedTime.NONE;

    private FileKeystore open(int capacity) throws KeystoreException {
        return FileKeystore.open(dir, keys.anchors(), capacity, Optional.empty(), () -> time, TestKeys.RANDOM,
                Duration.ofMillis(200));
    }

    private FileKeystore open() throws KeystoreException {
        return open(16);
    }

    @Test
    void given_a_new_directory_when_opened_then_only_the_anchors_are_there() throws Exception {
        FileKeystore store = open();

        assertThat(store.deviceId()).isEqualTo(keys.deviceId);
        assertThat(store.keys()).extracting(KeyInfo::origin).containsExactly(KeyOrigin.TRUST_ANCHOR, KeyOrigin.TRUST_ANCHOR);
        assertThat(store.trustAnchors().deviceKey().privatePartPresent()).isTrue();
        assertThat(store.trustAnchors().deviceKey().definition()).get()
                .matches(d -> !((AsymmetricKey) d).hasPrivateKey(), "masked");
        assertThat(store.trustAnchors().bootstrapServerId()).isEqualTo(4711);
        assertThat(store.keyList()).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(store.ownerSequence()).isZero();
    }

    @Test
    void given_a_key_signed_by_the_trusted_authority_when_imported_then_it_is_listed_and_back_after_reopen()
            throws Exception {
        FileKeystore store = open();
        TestKeys.Pair ms = TestKeys.Pair.generate();

        assertThat(store.importKey(keys.managementSystem(ms))).isEqualTo(ImportOutcome.CREATED);
        assertThat(store.importKey(keys.managementSystem(ms))).isEqualTo(ImportOutcome.ALREADY_PRESENT);

        FileKeystore reopened = open();
        assertThat(reopened.key(ms.id())).get().satisfies(info -> {
            assertThat(info.origin()).isEqualTo(KeyOrigin.IMPORTED);
            assertThat(info.identityClass()).isEqualTo(IdentityClass.MANAGEMENT_SYSTEM);
            assertThat(info.privatePartPresent()).isFalse();
        });
        assertThat(reopened.keyList()).containsExactly(KeyListEntry.of(keys.managementSystem(ms)));
    }

    @Test
    void given_a_key_with_its_private_part_when_imported_then_the_view_masks_it_and_flags_present() throws Exception {
        FileKeystore store = open();
        TestKeys.Pair ms = TestKeys.Pair.generate();
        store.importKey(keys.managementSystem(ms));
        TestKeys.Pair channel = TestKeys.Pair.generate();
        AuthenticatedKey withPrivate = ms.signer().authenticate(IdentityClass.CHANNEL, channel.privateDefinition(),
                org.assure.core.model.KeyMetadata.ownedBy(keys.deviceId), Validity.UNBOUNDED);

        store.importKey(withPrivate);

        KeyInfo info = open().key(channel.id()).orElseThrow();
        assertThat(info.privatePartPresent()).isTrue();
        assertThat(info.owner()).contains(keys.deviceId);
        assertThat(((AsymmetricKey) info.definition().orElseThrow()).hasPrivateKey()).isFalse();
        assertThat(info.listEntry().orElseThrow().privateKeyPresent()).isTrue();
        assertThat(open().trustedKeys().find(channel.id()).orElseThrow().privateKey()).isPresent();
        assertThat(store.keysOwnedBy(keys.deviceId)).extracting(KeyInfo::keyId).containsExactly(channel.id());
    }

    @Test
    void given_a_tampered_signature_when_imported_then_validation_fails_and_nothing_changes() throws Exception {
        FileKeystore store = open();
        TestKeys.Pair ms = TestKeys.Pair.generate();
        AuthenticatedKey good = keys.managementSystem(ms);
        AuthenticatedKey other = keys.managementSystem(TestKeys.Pair.generate());
        AuthenticatedKey tampered = good.withSignature(other.signature());

        assertThatThrownBy(() -> store.importKey(tampered)).isInstanceOfSatisfying(KeystoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.VALIDATION_FAILED);
            assertThat(e.validationReason()).contains(ValidationException.Reason.SIGNATURE_INVALID);
            assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        });
        assertThat(store.size()).isZero();
    }

    @Test
    void given_a_signer_class_not_permitted_when_imported_then_refused() throws Exception {
        FileKeystore store = open();
        // The Trusted Authority may not authenticate Channel keys (PROFILE §3).
        AuthenticatedKey channel = TestKeys.Pair.generate().signedBy(keys.trustedAuthority, IdentityClass.CHANNEL,
                Validity.UNBOUNDED);

        assertThatThrownBy(() -> store.importKey(channel)).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.validationReason()).contains(ValidationException.Reason.CLASS_NOT_PERMITTED));
        assertThat(store.size()).isZero();
    }

    @Test
    void given_an_unknown_signer_when_imported_then_refused() throws Exception {
        FileKeystore store = open();
        AuthenticatedKey key = TestKeys.Pair.generate().signedBy(TestKeys.Pair.generate(),
                IdentityClass.MANAGEMENT_SYSTEM, Validity.UNBOUNDED);

        assertThatThrownBy(() -> store.importKey(key)).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.validationReason()).contains(ValidationException.Reason.SIGNER_UNKNOWN));
    }

    @Test
    void given_an_expired_signature_when_imported_with_trusted_time_then_refused_and_without_it_accepted()
            throws Exception {
        FileKeystore store = open();
        SimpleTimestamp now = SimpleTimestamp.of(NOW);
        Validity expired = new Validity(new SimpleTimestamp(now.seconds() - 7200), new SimpleTimestamp(now.seconds() - 3600));
        AuthenticatedKey key = TestKeys.Pair.generate().signedBy(keys.trustedAuthority, IdentityClass.MANAGEMENT_SYSTEM,
                expired);
        time = TrustedTime.of(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> store.importKey(key)).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.validationReason()).contains(ValidationException.Reason.SIGNATURE_NOT_CURRENT));

        time = TrustedTime.NONE;
        assertThat(store.importKey(key)).isEqualTo(ImportOutcome.CREATED);
    }

    @Test
    void given_a_different_key_with_a_stored_id_when_imported_then_conflict() throws Exception {
        FileKeystore store = open();
        TestKeys.Pair ms = TestKeys.Pair.generate();
        store.importKey(keys.managementSystem(ms));
        AuthenticatedKey sameIdOtherValidity = ms.signedBy(keys.trustedAuthority, IdentityClass.MANAGEMENT_SYSTEM,
                new Validity(new SimpleTimestamp(1), SimpleTimestamp.NONE));

        assertThatThrownBy(() -> store.importKey(sameIdOtherValidity)).isInstanceOfSatisfying(KeystoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KEY_ID_CONFLICT);
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                });
    }

    @Test
    void given_a_key_with_an_anchor_id_when_imported_then_conflict() throws Exception {
        FileKeystore store = open();
        TestKeys.Pair fake = new TestKeys.Pair(keys.device.id(), TestKeys.Pair.generate().keys());
        AuthenticatedKey key = fake.signedBy(keys.trustedAuthority, IdentityClass.DEVICE, Validity.UNBOUNDED);

        assertThatThrownBy(() -> store.importKey(key)).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.KEY_ID_CONFLICT));
    }

    @Test
    void given_a_full_keystore_when_a_key_is_added_then_too_large() throws Exception {
        FileKeystore store = open(2);
        store.generateKey(GenerateKeyType.EC_P256, true);
        store.importKey(keys.managementSystem(TestKeys.Pair.generate()));

        assertThatThrownBy(() -> store.generateKey(GenerateKeyType.EC_P256, false))
                .isInstanceOfSatisfying(KeystoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FULL);
                    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                });
        assertThatThrownBy(() -> store.importKey(keys.managementSystem(TestKeys.Pair.generate())))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FULL));
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void given_each_type_when_generated_then_a_channel_key_owned_by_the_device_and_signed_by_its_key()
            throws Exception {
        FileKeystore store = open();
        TrustedKeys anchorsOnly = store.trustedKeys();
        for (GenerateKeyType type : GenerateKeyType.values()) {
            AuthenticatedKey generated = store.generateKey(type, true);

            assertThat(generated.identityClass()).isEqualTo(IdentityClass.CHANNEL);
            assertThat(generated.metadata().owningDevice()).contains(keys.deviceId);
            assertThat(generated.signature().keyId()).isEqualTo(keys.device.id());
            assertThat(((AsymmetricKey) generated.key()).hasPrivateKey()).isFalse();
            assertThat(Keys.format(store.trustedKeys().find(generated.keyId()).orElseThrow().publicKey().orElseThrow()))
                    .isEqualTo(type == GenerateKeyType.RSA_2048 ? org.assure.core.model.KeyFormat.RSA
                            : org.assure.core.model.KeyFormat.EC);
            // Any peer holding the device key can validate it with core's five checks.
            AuthenticatedKeyValidator.withoutTrustedTime().validate(generated, anchorsOnly);
            assertThat(store.key(generated.keyId()).orElseThrow().privatePartPresent()).isTrue();
        }
    }

    @Test
    void given_trusted_time_when_generating_then_the_signature_starts_now() throws Exception {
        time = TrustedTime.of(Clock.fixed(NOW, ZoneOffset.UTC));
        AuthenticatedKey generated = open().generateKey(GenerateKeyType.EC_P384, true);

        assertThat(generated.signature().createdAt()).isEqualTo(SimpleTimestamp.of(NOW));
        assertThat(generated.signature().validUntil()).isEqualTo(SimpleTimestamp.NONE);
    }

    @Test
    void given_ram_only_and_persistent_keys_when_reopened_then_only_the_persistent_ones_are_back() throws Exception {
        FileKeystore store = open();
        AuthenticatedKey ramOnly = store.generateKey(GenerateKeyType.EC_P256, false);
        AuthenticatedKey persistent = store.generateKey(GenerateKeyType.EC_P256, true);
        assertThat(store.key(ramOnly.keyId())).get().extracting(KeyInfo::persistent).isEqualTo(false);

        FileKeystore reopened = open();

        assertThat(reopened.key(ramOnly.keyId())).isEmpty();
        assertThat(reopened.key(persistent.keyId())).get().extracting(KeyInfo::origin).isEqualTo(KeyOrigin.GENERATED);
        assertThat(reopened.trustedKeys().find(persistent.keyId()).orElseThrow().privateKey()).isPresent();
    }

    @Test
    void given_keys_when_deleted_then_anchors_and_keys_in_use_are_refused() throws Exception {
        FileKeystore store = open();
        TestKeys.Pair ms = TestKeys.Pair.generate();
        store.importKey(keys.managementSystem(ms));
        AuthenticatedKey signedByMs = TestKeys.Pair.generate().signedBy(ms, IdentityClass.CHANNEL, Validity.UNBOUNDED);
        store.importKey(signedByMs);

        assertThatThrownBy(() -> store.deleteKey(keys.device.id())).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TRUST_ANCHOR));
        assertThatThrownBy(() -> store.deleteKey(ms.id())).isInstanceOfSatisfying(KeystoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.KEY_IN_USE);
            assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        });
        assertThat(store.deleteKey(signedByMs.keyId())).isEqualTo(DeleteOutcome.DELETED);
        assertThat(store.deleteKey(signedByMs.keyId())).isEqualTo(DeleteOutcome.NOT_PRESENT);
        assertThat(store.deleteKey(ms.id())).isEqualTo(DeleteOutcome.DELETED);
        assertThat(open().size()).isZero();
    }

    @Test
    void given_a_bootstrap_transaction_when_committed_then_keys_sequence_and_blob_appear_together() throws Exception {
        FileKeystore store = open();
        TestKeys.Pair ms = TestKeys.Pair.generate();

        AuthenticatedKey generated;
        try (var tx = store.beginBootstrap()) {
            tx.setOwnerSequence(3);
            tx.importKey(keys.managementSystem(ms));
            // Later keys may rely on earlier staged ones.
            tx.importKey(TestKeys.Pair.generate().signedBy(ms, IdentityClass.CHANNEL, Validity.UNBOUNDED));
            generated = tx.generateKey(GenerateKeyType.EC_P256, true);
            tx.putBlob("channels", Bytes.of(new byte[] {1, 2, 3}));
            assertThat(tx.size()).isEqualTo(3);
            assertThat(store.size()).as("not visible before commit").isZero();
            tx.commit();
        }

        FileKeystore reopened = open();
        assertThat(reopened.ownerSequence()).isEqualTo(3);
        assertThat(reopened.size()).isEqualTo(3);
        assertThat(reopened.blob("channels")).contains(Bytes.of(new byte[] {1, 2, 3}));
        assertThat(reopened.keys()).filteredOn(k -> k.origin() != KeyOrigin.TRUST_ANCHOR)
                .allMatch(KeyInfo::bootstrapDefined);
        assertThatThrownBy(() -> reopened.deleteKey(generated.keyId())).isInstanceOfSatisfying(KeystoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BOOTSTRAP_DEFINED);
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                });
    }

    @Test
    void given_a_transaction_when_closed_without_commit_then_nothing_changes_and_writers_can_go_on() throws Exception {
        FileKeystore store = open();
        try (var tx = store.beginBootstrap()) {
            tx.setOwnerSequence(9);
            tx.generateKey(GenerateKeyType.EC_P256, true);
            tx.putBlob("channels", Bytes.of(new byte[] {9}));
        }

        assertThat(store.ownerSequence()).isZero();
        assertThat(store.size()).isZero();
        assertThat(store.blob("channels")).isEmpty();
        store.putBlob("channels", Bytes.of(new byte[] {1}));
        assertThat(open().blob("channels")).contains(Bytes.of(new byte[] {1}));
    }

    @Test
    void given_an_open_transaction_when_another_writer_comes_then_it_waits_and_fails_unavailable() throws Exception {
        FileKeystore store = open();
        try (var tx = store.begin()) {
            assertThatThrownBy(() -> store.generateKey(GenerateKeyType.EC_P256, true))
                    .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
            tx.commit();
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> tx.size()).isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.generateKey(GenerateKeyType.EC_P256, true)).isNotNull();
    }

    @Test
    void given_a_stored_owner_sequence_when_an_older_one_is_staged_then_refused() throws Exception {
        FileKeystore store = open();
        try (var tx = store.beginBootstrap()) {
            tx.setOwnerSequence(5);
            tx.commit();
        }
        try (var tx = store.beginBootstrap()) {
            assertThatThrownBy(() -> tx.setOwnerSequence(4)).isInstanceOfSatisfying(KeystoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.OWNER_SEQUENCE_OLDER));
            tx.setOwnerSequence(5);
            tx.commit();
        }
        assertThat(open().ownerSequence()).isEqualTo(5);
    }

    @Test
    void given_bootstrap_defined_keys_when_a_new_bootstrap_removes_all_then_they_go_and_anchors_stay() throws Exception {
        FileKeystore store = open();
        try (var tx = store.beginBootstrap()) {
            tx.generateKey(GenerateKeyType.EC_P256, true);
            tx.commit();
        }
        try (var tx = store.begin()) {
            assertThatThrownBy(tx::removeAllKeys).isInstanceOf(IllegalStateException.class);
        }
        try (var tx = store.beginBootstrap()) {
            tx.removeAllKeys();
            tx.commit();
        }
        assertThat(open().keys()).hasSize(2);
    }

    @Test
    void given_stored_keys_when_a_bootstrap_stages_a_higher_owner_sequence_then_all_but_anchors_go_on_commit()
            throws Exception {
        FileKeystore store = open();
        try (var tx = store.beginBootstrap()) {
            assertThat(tx.stageOwner(1)).isTrue();
            tx.generateKey(GenerateKeyType.EC_P256, true);
            tx.commit();
        }
        store.generateKey(GenerateKeyType.EC_P256, true);
        assertThat(store.keys()).hasSize(4);

        // The same owner reconfiguring: nothing is removed.
        try (var tx = store.beginBootstrap()) {
            assertThat(tx.stageOwner(1)).isFalse();
            assertThat(tx.keys()).hasSize(4);
            tx.commit();
        }
        assertThat(store.keys()).hasSize(4);

        // A new owner, rolled back: everything stays.
        try (var tx = store.beginBootstrap()) {
            assertThat(tx.stageOwner(2)).isTrue();
            assertThat(tx.keys()).hasSize(2);
        }
        assertThat(store.keys()).hasSize(4);
        assertThat(store.ownerSequence()).isEqualTo(1);

        // A new owner, committed: only the anchors stay, with the new sequence, also after a restart.
        try (var tx = store.beginBootstrap()) {
            assertThat(tx.stageOwner(2)).isTrue();
            tx.commit();
        }
        assertThat(open().keys()).hasSize(2);
        assertThat(open().ownerSequence()).isEqualTo(2);
    }

    @Test
    void given_a_stored_owner_sequence_when_an_older_one_or_no_bootstrap_stages_an_owner_then_refused()
            throws Exception {
        FileKeystore store = open();
        try (var tx = store.beginBootstrap()) {
            tx.stageOwner(3);
            tx.commit();
        }
        store.generateKey(GenerateKeyType.EC_P256, true);
        try (var tx = store.beginBootstrap()) {
            assertThatThrownBy(() -> tx.stageOwner(2)).isInstanceOfSatisfying(KeystoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(KeystoreException.Reason.OWNER_SEQUENCE_OLDER));
            assertThat(tx.keys()).hasSize(3);
        }
        try (var tx = store.begin()) {
            assertThatThrownBy(() -> tx.stageOwner(4)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(store.keys()).hasSize(3);
        assertThat(store.ownerSequence()).isEqualTo(3);
    }

    @Test
    void given_blobs_when_names_or_sizes_are_invalid_then_refused() throws Exception {
        FileKeystore store = open();
        assertThatThrownBy(() -> store.putBlob("Bad Name", Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putBlob("big", Bytes.of(new byte[FileKeystore.MAX_BLOB_BYTES + 1])))
                .isInstanceOf(IllegalArgumentException.class);
        store.putBlob("a.b-c_1", Bytes.EMPTY);
        store.removeBlob("a.b-c_1");
        assertThat(open().blob("a.b-c_1")).isEmpty();
    }

    @Test
    void given_a_corrupted_store_file_when_opened_then_unavailable() throws Exception {
        FileKeystore store = open();
        store.generateKey(GenerateKeyType.EC_P256, true);
        byte[] content = Files.readAllBytes(store.storePath());
        content[content.length / 2] ^= 1;
        Files.write(store.storePath(), content);

        assertThatThrownBy(this::open).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    @Test
    void given_a_truncated_store_file_when_opened_then_unavailable() throws Exception {
        FileKeystore store = open();
        store.generateKey(GenerateKeyType.EC_P256, true);
        Files.write(store.storePath(), new byte[] {'A', 'S', 'K', 'S'});

        assertThatThrownBy(this::open).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void given_another_at_rest_key_when_opened_then_unavailable() throws Exception {
        open().generateKey(GenerateKeyType.EC_P256, true);
        Path keyFile = dir.resolve(AtRestKey.FILE_NAME);
        byte[] otherKey = TestKeys.secret(32).toByteArray();
        Files.writeString(keyFile, "assure-at-rest-key/1 plain " + java.util.Base64.getEncoder().encodeToString(otherKey));

        assertThatThrownBy(this::open).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void given_a_missing_at_rest_key_when_the_store_exists_then_unavailable_and_no_new_key_is_made() throws Exception {
        open().generateKey(GenerateKeyType.EC_P256, true);
        Path keyFile = dir.resolve(AtRestKey.FILE_NAME);
        Files.delete(keyFile);

        assertThatThrownBy(this::open).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void given_a_malformed_at_rest_key_file_when_opened_then_unavailable() throws Exception {
        open();
        Files.writeString(dir.resolve(AtRestKey.FILE_NAME), "assure-at-rest-key/1 plain AAAA");

        assertThatThrownBy(this::open).isInstanceOfSatisfying(KeystoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void given_a_leftover_temporary_file_when_opened_then_it_is_removed_and_the_committed_state_stands()
            throws Exception {
        FileKeystore store = open();
        AuthenticatedKey key = store.generateKey(GenerateKeyType.EC_P256, true);
        Path temp = AtomicFiles.tempFor(store.storePath());
        Files.write(temp, new byte[] {1, 2, 3});

        FileKeystore reopened = open();

        assertThat(temp).doesNotExist();
        assertThat(reopened.key(key.keyId())).isPresent();
    }

    @Test
    void given_the_store_files_when_created_then_they_are_owner_only() throws Exception {
        open().generateKey(GenerateKeyType.EC_P256, true);
        for (Path file : List.of(dir.resolve(AtRestKey.FILE_NAME), dir.resolve(StoreFile.FILE_NAME))) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void given_secrets_in_the_store_when_reading_the_file_then_no_private_key_appears_in_clear() throws Exception {
        FileKeystore store = open();
        AuthenticatedKey key = store.generateKey(GenerateKeyType.EC_P256, true);
        byte[] privateKey = store.trustedKeys().find(key.keyId()).orElseThrow().privateKey().orElseThrow().getEncoded();
        byte[] file = Files.readAllBytes(store.storePath());

        assertThat(indexOf(file, java.util.Arrays.copyOfRange(privateKey, privateKey.length - 32, privateKey.length)))
                .isNegative();
        assertThat(store.toString()).doesNotContain(Bytes.of(privateKey).toHex());
    }

    @Test
    void given_a_closed_keystore_when_written_then_unavailable() throws Exception {
        FileKeystore store = open();
        store.close();
        assertThatThrownBy(() -> store.generateKey(GenerateKeyType.EC_P256, true))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void given_an_unknown_key_when_looked_up_then_empty() throws Exception {
        assertThat(open().key(UUID.randomUUID())).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
