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
        EqualsVerifier.forClass(HandshakeFailure.class).withNonnullFields("peer", "role", "cause", "peerName", "alert")
                .withPrefabValues(DtlsAlert.class, new DtlsAlert(1, 0, false), new DtlsAlert(2, 51, true)).verify();
        EqualsVerifier.forClass(DtlsEngineStats.class).verify();
    }

    @Test
    void givenAlerts_thenEqualByLevelDescriptionAndDirection() {
        assertThat(new DtlsAlert(2, 51, true)).isEqualTo(new DtlsAlert(2, 51, true))
                .hasSameHashCodeAs(new DtlsAlert(2, 51, true))
                .isNotEqualTo(new DtlsAlert(2, 51, false)).isNotEqualTo(new DtlsAlert(1, 51, true))
                .isNotEqualTo(new DtlsAlert(2, 49, true));
        assertThatThrownBy(() -> new DtlsAlert(3, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DtlsAlert(2, 256, true)).isInstanceOf(IllegalArgumentException.class);
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
