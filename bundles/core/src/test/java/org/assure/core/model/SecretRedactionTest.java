package org.assure.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assure.core.testing.Samples.DEVICE;

import java.util.List;
import java.util.Optional;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** Secrets (keys, PSKs, case ids, case strings) never appear in {@code toString} (STYLE.md, PROFILE §9). */
class SecretRedactionTest {
    private static final String SECRET_HEX = "5ec7e75ec7e75ec7e75ec7e75ec7e75e";

    @Test
    void given_secret_bytes_when_printed_then_only_the_length_shows() {
        SecretBytes secret = SecretBytes.of(Bytes.fromHex(SECRET_HEX).toByteArray());

        assertThat(secret.toString()).doesNotContain(SECRET_HEX).doesNotContainIgnoringCase("5ec7")
                .contains("redacted").contains("16 bytes");
        assertThat(SecretBytes.EMPTY.toString()).isEqualTo("SecretBytes[empty]");
    }

    @Test
    void given_a_qr_payload_when_printed_then_the_case_id_is_hidden() {
        QrPayload payload = QrPayload.of(DEVICE, SecretBytes.of(Bytes.fromHex(SECRET_HEX).toByteArray()));

        assertThat(payload.toString()).doesNotContainIgnoringCase("5ec7").contains(DEVICE.toString());
    }

    @Test
    void given_a_device_record_when_printed_then_secret_case_string_and_key_are_hidden() {
        DeviceRecord shared = new DeviceRecord(DEVICE, 3, "CASE-STRING-ON-THE-BOX",
                Optional.of(SecretBytes.of(Bytes.fromHex(SECRET_HEX).toByteArray())), Optional.empty(), Optional.empty(),
                DeviceCapabilities.MINIMAL);
        DeviceRecord publicKey = new DeviceRecord(DEVICE, 3, "CASE-STRING-ON-THE-BOX", Optional.empty(),
                Optional.of("-----BEGIN PUBLIC KEY-----\nPEMBODY\n-----END PUBLIC KEY-----"), Optional.empty(),
                DeviceCapabilities.MINIMAL);

        assertThat(shared.toString()).doesNotContainIgnoringCase("5ec7").doesNotContain("CASE-STRING")
                .contains("shared secret");
        assertThat(publicKey.toString()).doesNotContain("CASE-STRING").doesNotContain("PEMBODY");
    }

    @Test
    void given_a_bootstrap_payload_when_printed_then_only_the_message_count_shows() {
        BootstrapPayload payload = new BootstrapPayload(List.of(Bytes.fromHex(SECRET_HEX), Samples.bytes(3, 1)));

        assertThat(payload.toString()).isEqualTo("BootstrapPayload[2 CoAP messages]");
    }

    @Test
    void given_keys_with_private_parts_when_printed_then_the_private_parts_are_hidden() {
        SecretBytes privateKey = SecretBytes.of(Bytes.fromHex(SECRET_HEX).toByteArray());
        EcKey ec = new EcKey(DEVICE, Samples.bytes(4, 1), privateKey);
        RsaKey rsa = new RsaKey(DEVICE, Samples.bytes(4, 1), privateKey);

        assertThat(ec.toString()).doesNotContainIgnoringCase("5ec7");
        assertThat(rsa.toString()).doesNotContainIgnoringCase("5ec7");
        assertThat(new AuthenticatedKey(IdentityClass.CHANNEL, ec, KeyMetadata.NONE, Samples.ecSignature(Samples.KEY_A))
                .toString()).doesNotContainIgnoringCase("5ec7");
    }
}
