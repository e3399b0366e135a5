package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;

class ValueTypesTest {

    @Test
    void givenTheRecords_thenEqualityIsByValue() {
        // Nulls are refused by the compact constructors (tested below).
        EqualsVerifier.forClass(EcSignatureValue.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(PayloadCipher.Sealed.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(CmsOptions.class).suppress(Warning.NULL_FIELDS)
                .withPrefabValues(String.class, "SHA-384", "SHA-512").verify();
    }

    @Test
    void givenTheDefaultCmsOptions_thenTheyAreAes128AndSha256() {
        assertThat(CmsOptions.DEFAULT.aes256()).isFalse();
        assertThat(CmsOptions.DEFAULT.digest()).isEqualTo("SHA-256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SHA-384", "SHA-512"})
    void givenAProfileDigest_whenCmsOptionsAreMade_thenTheyAreAccepted(String digest) {
        assertThat(new CmsOptions(true, digest).digest()).isEqualTo(digest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-1", "SHA-224", "sha-256", "SHA256", ""})
    void givenAnotherDigest_whenCmsOptionsAreMade_thenIllegalArgument(String digest) {
        assertThatThrownBy(() -> new CmsOptions(false, digest)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNulls_whenRecordsAreMade_thenNullPointer() {
        assertThatThrownBy(() -> new CmsOptions(false, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new EcSignatureValue(Bytes.EMPTY, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = {"MALFORMED", "UNAUTHENTICATED", "NOT_IMPLEMENTED"})
    void givenACryptoKind_whenAnExceptionIsMade_thenItCarriesIt(ErrorKind kind) {
        CryptoException e = new CryptoException(kind, "fixed text");

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).isEqualTo("fixed text");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = {"MALFORMED", "UNAUTHENTICATED", "NOT_IMPLEMENTED"}, mode = EnumSource.Mode.EXCLUDE)
    void givenAnotherKind_whenAnExceptionIsMade_thenIllegalArgument(ErrorKind kind) {
        assertThatThrownBy(() -> new CryptoException(kind, "fixed text")).isInstanceOf(IllegalArgumentException.class);
    }
}
