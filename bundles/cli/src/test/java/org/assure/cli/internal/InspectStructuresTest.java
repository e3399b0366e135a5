package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.assure.core.cbor.AddressCodec;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.BootstrapPayloadCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.ChannelFrameCodec;
import org.assure.core.cbor.ChannelInfoCodec;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.cbor.GatewayChannelGrantCodec;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.cbor.QrPayloadCodec;
import org.assure.core.cbor.SharedSecretPayloadCodec;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelFrame;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GatewayChannelGrant;
import org.assure.core.model.IpAddress;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.model.SimpleTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every structure of the draft that `assure inspect` recognises, with its golden tree. */
class InspectStructuresTest {
    private static final UUID A = Structures.KEY;
    private static final UUID B = Structures.SIGNER;

    static Stream<Arguments> structures() throws Exception {
        byte[] dtls = new byte[20];
        dtls[0] = 23;
        dtls[1] = (byte) 0xFE;
        dtls[2] = (byte) 0xFD;
        ChannelInfo bacnetChannel = new ChannelInfo(new ChannelConfiguration(A, Optional.empty(), ChannelFlags.data(false, true),
                BacnetAddress.local(Bytes.fromHex("c0a8000abac0"))), new ChannelStatus(7, ChannelState.OPEN));
        DerivedSecretKey derived = new DerivedSecretKey(B, List.of(new Derivation(A, Bytes.fromHex("0102"), 4096, Bytes.of(new byte[16]))));
        return Stream.of(
                Arguments.of("QR payload", QrPayloadCodec.encode(QrPayload.of(A, SecretBytes.of(Structures.filled(16, 0x5c)))), """
                        QR payload (draft §6.2.5)
                          version: 1
                          device uuid: 00112233-4455-6677-8899-aabbccddeeff
                          case_id: <case id present, 16 bytes>
                        """),
                Arguments.of("device information", DeviceInfoCodec.encode(new DeviceInfo(A, Bytes.fromHex("0011223344ff"), "ACME",
                        "GW-1", "SN\n42", "2026-01-01", "Eclipse", "Kura", "5.4.0")), """
                        device information (draft §10.1.17)
                          device_id: 00112233-4455-6677-8899-aabbccddeeff
                          device_mac_address: 00:11:22:33:44:ff
                          device_manufacturer: "ACME"
                          device_product_code: "GW-1"
                          device_serial_number: "SN\\u000a42"
                          device_build_date: "2026-01-01"
                          software_manufacturer: "Eclipse"
                          software_product_code: "Kura"
                          software_version: "5.4.0"
                        """),
                Arguments.of("channel configuration", ChannelConfigurationCodec.encode(new ChannelConfiguration(A, Optional.of(B),
                        ChannelFlags.management(true, true), IpAddress.of(InetAddress.getByName("192.0.2.10"), 0, 5684))), """
                        channel configuration (draft §10.1.6)
                          local_key_id: 00112233-4455-6677-8899-aabbccddeeff
                          peer_key_id: ffeeddcc-bbaa-9988-7766-554433221100
                          flags:
                            persistent_across_reboots: true
                            open_immediately: true
                            channel_management_privilege: true
                            system_management_privilege: true
                            key_management_privilege: true
                          address: address (draft §12)
                            address_type: 1 (IP)
                            remote_addr: 192.0.2.10
                            local_port: 0 (any)
                            remote_port: 5684
                        """),
                Arguments.of("channel information", ChannelInfoCodec.encode(bacnetChannel), """
                        channel information (draft §10.1.11)
                          configuration: channel configuration (draft §10.1.6)
                            local_key_id: 00112233-4455-6677-8899-aabbccddeeff
                            peer_key_id: (empty: same as local_key_id)
                            flags:
                              persistent_across_reboots: false
                              open_immediately: true
                              channel_management_privilege: false
                              system_management_privilege: false
                              key_management_privilege: false
                            address: address (draft §12)
                              address_type: 0 (BACnet)
                              net: null (local network)
                              addr: c0a8000abac0
                          status: channel status (draft §10.1.11)
                            channel_id: 7
                            state: 3 (open)
                        """),
                Arguments.of("Bluetooth address", AddressCodec.encode(new BluetoothAddress(Bytes.fromHex("001122334455"))), """
                        address (draft §12)
                          address_type: 2 (Bluetooth)
                          mac: 00:11:22:33:44:55
                        """),
                Arguments.of("precision timestamp", TimestampCodec.encodePrecision(new PrecisionTimestamp(504921600, 2147483648L)), """
                        precision timestamp (draft §7.11.2): 2026-01-01T00:00:00.500Z
                          timestamp_secs: 504921600 (2026-01-01T00:00:00Z)
                          timestamp_frac: 2147483648 (0.5 s)
                        """),
                Arguments.of("bare integer", TimestampCodec.encodeSimple(new SimpleTimestamp(2)), """
                        unsigned integer 2, which the draft uses as
                          simple timestamp (draft §7.11.1): 2 (2010-01-01T00:00:02Z)
                          channel id (draft §10.1.6): 2
                          gateway priority (draft §12.1.1.1): 2
                          goodbye reason (draft §11.3.2): 2 (bootstrap by management)
                        """),
                Arguments.of("gateway channel grant", GatewayChannelGrantCodec.encode(new GatewayChannelGrant(9, Bytes.fromHex("01020304"))), """
                        gateway channel grant (draft §12.1.1.2, CBOR sequence)
                          channel_id: 9
                          token: 01020304
                        """),
                Arguments.of("secure channel message", ChannelFrameCodec.encode(new ChannelFrame(9, Bytes.of(dtls))), """
                        secure channel message (draft §12.1.2, CBOR sequence)
                          channel_id: 9
                          dtls_data: 17fefd0000000000000000000000000000000000
                        """),
                Arguments.of("PSK hint (key id)", PskHintCodec.encode(new PskHint.KeyIdHint(A)), """
                        PSK identity hint (draft §8.4)
                          key_id: 00112233-4455-6677-8899-aabbccddeeff
                          pre-shared key: the secret of 00112233-4455-6677-8899-aabbccddeeff
                        """),
                Arguments.of("PSK hint (base64 chain)", (PskHintCodec.toText(new PskHint.KeyChainHint(List.of(derived))) + "\n")
                        .getBytes(StandardCharsets.US_ASCII), """
                        PSK identity hint (draft §8.4, base64 text)
                          keys (derivation order, draft §15.3): 1 item
                            [0]: key definition (draft §7.2)
                              content: 1 (key)
                              format: 2 (derived shared secret)
                              key_id: ffeeddcc-bbaa-9988-7766-554433221100
                              derivations: 1 item
                                [0]: derivation
                                  reference_key_id: 00112233-4455-6677-8899-aabbccddeeff
                                  salt: 0102
                                  iterations_or_cipher: 4096
                                  encrypted_secret: 00000000000000000000000000000000
                          pre-shared key: the secret of ffeeddcc-bbaa-9988-7766-554433221100
                        """),
                Arguments.of("shared-secret payload", SharedSecretPayloadCodec.encode(new SharedSecretPayload(Bytes.fromHex("0102"), 4096,
                        Bytes.of(new byte[16]), CipherSuite.AES_128_GCM, Bytes.of(new byte[12]), Bytes.of(new byte[16]), Bytes.of(new byte[40]))), """
                        shared-secret payload (draft §15.5.3)
                          salt: 0102
                          iterations_or_cipher: 4096
                          encrypted_secret: 00000000000000000000000000000000
                          cipher_suite: 6 (AES-128-GCM)
                          cipher_IV: 000000000000000000000000
                          tag: 00000000000000000000000000000000
                          encrypted_data: 00000000000000000000000000000000... (40 bytes)
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void given_a_structure_when_inspected_then_its_golden_tree(String name, byte[] encoded, String expected) {
        CliRun.Result result = CliRun.withStdin(encoded, "inspect");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(expected);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void given_a_bootstrap_payload_when_inspected_then_coap_requests_with_paths_and_nested_payloads_without_secrets() {
        byte[] key = AuthenticatedKeyCodec.encode(Structures.channelKey());
        byte[] channel = ChannelConfigurationCodec.encode(new ChannelConfiguration(A, Optional.empty(),
                ChannelFlags.management(true, true), new IpAddress(Bytes.fromHex("c000020a"), 0, 5684)));
        BootstrapPayload payload = new BootstrapPayload(List.of(
                Bytes.of(CoapEncoder.put(1, new byte[] {0x0a}).path("/v1/keys/" + A).cbor(key).encode()),
                Bytes.of(CoapEncoder.put(2, new byte[] {0x0b}).path("/v1/channels").cbor(channel).encode()),
                Bytes.of(CoapEncoder.post(3, new byte[0]).path("/v1/keys/generate").query("type=1").query("persistent=true").encode()),
                Bytes.fromHex("ff")));

        CliRun.Result result = CliRun.withStdin(BootstrapPayloadCodec.encode(payload), "inspect");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("""
                bootstrap payload (draft §15.5.4)
                  coap_messages: 4 items
                    [0]: CoAP message (RFC 7252), %d bytes
                      type: CON
                      code: 0.03 (PUT)
                      message_id: 1
                      token: 0a
                      uri_path: /v1/keys/00112233-4455-6677-8899-aabbccddeeff
                      content_format: 60 (application/cbor)
                      payload: %d bytes
                        authenticated key (draft §7.4)
                """.formatted(payload.coapMessages().get(0).length(), key.length))
                .contains("""
                      uri_path: /v1/channels
                      content_format: 60 (application/cbor)
                      payload: %d bytes
                        channel configuration (draft §10.1.6)
                """.formatted(channel.length), """
                      code: 0.02 (POST)
                      message_id: 3
                      token: (empty)
                      uri_path: /v1/keys/generate
                      uri_query: type=1&persistent=true
                      payload: (none)
                """, """
                    [3]: not a CoAP message (shorter than the 4-byte CoAP header), 1 bytes
                """)
                .contains("private_key: <private key present, 138 bytes>")
                .doesNotContain("5e5e5e5e");
    }
}
