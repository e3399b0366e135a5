package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void recordsCompareByValue() {
        EqualsVerifier.forClass(PskKey.class).withNonnullFields("keyId", "peer", "secret")
                .withPrefabValues(SecretBytes.class, SecretBytes.of(new byte[] {1}), SecretBytes.of(new byte[] {2, 3})).verify();
        EqualsVerifier.forClass(PeerKey.class).withNonnullFields("keyId", "peer").verify();
        EqualsVerifier.forClass(DtlsAlert.class).verify();
        EqualsVerifier.forClass(HandshakeFailure.class).withNonnullFields("peer", "role", "cause", "peerName", "alert")
                .verify();
        EqualsVerifier.forClass(DtlsEngineStats.class).verify();
    }

    @Test
    void givenPskKey_thenToStringHidesTheSecret() {
        PskKey key = PskKey.of(UUID.randomUUID(), SecretBytes.of(new byte[] {0x41, 0x42, 0x43, 0x44}));

        assertThat(key.toString()).doesNotContain("41424344").doesNotContain("ABCD").contains("redacted");
    }

    @Test
    void givenOwnKey_thenToStringHidesThePrivateKey() {
        OwnKey key = Peers.ownKey(GenerateKeyType.EC_P256);

        assertThat(key.toString()).isEqualTo("OwnKey[" + key.keyId() + ", " + key.format().label() + "]");
    }

    @Test
    void givenMismatchedKeyPair_thenOwnKeyRejectsIt() {
        OwnKey ec = Peers.ownKey(GenerateKeyType.EC_P256);
        OwnKey rsa = Peers.ownKey(GenerateKeyType.RSA_2048);

        assertThatThrownBy(() -> new OwnKey(UUID.randomUUID(), ec.publicKey(), rsa.privateKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNoCredentials_thenServerAndClientCredentialsAreRejected() {
        assertThatThrownBy(() -> new ServerCredentials(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientCredentials(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTooLongPsk_thenRejected() {
        assertThatThrownBy(() -> PskKey.of(UUID.randomUUID(), SecretBytes.of(new byte[65])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
