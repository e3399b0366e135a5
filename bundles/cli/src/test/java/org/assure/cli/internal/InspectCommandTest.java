package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.cbor.KeyListCodec;
import org.assure.core.crypto.Keys;
import org.assure.core.model.KeyListEntry;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InspectCommandTest {
    private static final String CHANNEL_KEY_TREE = """
            authenticated key (draft §7.4)
              content: 0 (identity)
              class: 5 (Channel)
              key: key definition (draft §7.2)
                content: 1 (key)
                format: 0 (EC)
                key_id: 00112233-4455-6677-8899-aabbccddeeff
                public_key: 000102030405060708090a0b0c0d0e0f... (91 bytes) [not a valid EC public key]
                private_key: <private key present, 138 bytes>
              metadata:
                0 (owning device): d0d0d0d0-0000-4000-8000-000000000001
              signature: signature (draft §7.3)
                content: 4 (signature)
                format: 0 (ecdsa-with-SHA256)
                created_at: 504921600 (2026-01-01T00:00:00Z)
                valid_until: 0 (no bound)
                key_id: ffeeddcc-bbaa-9988-7766-554433221100
                r: 1111111111111111111111111111111111111111111111111111111111111111
                s: 2222222222222222222222222222222222222222222222222222222222222222
            """;

    @TempDir
    Path dir;

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void given_an_authenticated_key_file_when_inspected_then_the_golden_tree() throws Exception {
        Path file = Files.write(dir.resolve("key.cbor"), AuthenticatedKeyCodec.encode(Structures.channelKey()));

        CliRun.Result result = CliRun.run("inspect", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(CHANNEL_KEY_TREE);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void given_the_same_key_as_wrapped_hex_on_stdin_when_inspected_then_the_same_tree() {
        String wrapped = hex(AuthenticatedKeyCodec.encode(Structures.channelKey())).replaceAll("(.{64})", "$1\n  ");

        CliRun.Result dash = CliRun.withStdin(wrapped.getBytes(StandardCharsets.US_ASCII), "inspect", "--hex", "-");
        CliRun.Result none = CliRun.withStdin(wrapped.toUpperCase().getBytes(StandardCharsets.US_ASCII), "inspect", "--hex");

        assertThat(dash.out()).isEqualTo(CHANNEL_KEY_TREE);
        assertThat(none.out()).isEqualTo(CHANNEL_KEY_TREE);
    }

    @Test
    void given_a_real_private_key_when_inspected_then_no_part_of_it_is_printed() {
        KeyPair pair = TestKeys.ec();
        byte[] privateKey = Keys.encodePrivate(pair.getPrivate()).toByteArray();

        CliRun.Result result = CliRun.withStdin(AuthenticatedKeyCodec.encode(Structures.withKeyPair(pair)), "inspect");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("private_key: <private key present, " + privateKey.length + " bytes>",
                "[EC P-256]", "class: 2 (Management System)");
        // Neither the PKCS#8 encoding nor any 4-byte window of the private scalar appears (the PKCS#8 also holds
        // the algorithm identifier and public point, which are public and may well show up in public_key).
        String out = result.out();
        assertThat(out).doesNotContain(hex(privateKey)).doesNotContain(hex(Arrays.copyOf(privateKey, 16)));
        byte[] scalar = BigIntegers.asUnsignedByteArray(32, ((ECPrivateKey) pair.getPrivate()).getS());
        for (int i = 0; i + 4 <= scalar.length; i++) {
            assertThat(out).doesNotContain(hex(Arrays.copyOfRange(scalar, i, i + 4)));
        }
    }

    @Test
    void given_a_key_list_when_inspected_then_present_markers_and_no_private_keys() {
        byte[] list = KeyListCodec.encode(List.of(KeyListEntry.of(Structures.channelKey()), KeyListEntry.of(Structures.derivedKey())));

        CliRun.Result result = CliRun.withStdin(list, "inspect");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("key list (draft §10.1.5)\n  keys: 2 items\n    [0]: authenticated key (draft §7.4)\n")
                .contains("private_key: \"PRESENT\" (the device holds the private key)", "format: 2 (derived shared secret)");
    }

    @Test
    void given_a_bootstrap_image_when_inspected_then_every_part_is_shown() {
        CliRun.Result result = CliRun.withStdin(BootstrapImageCodec.encode(Structures.image()), "inspect");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("""
                bootstrap image (draft §15.5)
                  authenticated_keys: 2 items
                    [0]: authenticated key (draft §7.4)
                      content: 0 (identity)
                      class: 2 (Management System)
                      key: key definition (draft §7.2)
                        content: 1 (key)
                        format: 2 (derived shared secret)
                        key_id: 00112233-4455-6677-8899-aabbccddeeff
                        derivations: 1 item
                          [0]: derivation
                            reference_key_id: d0d0d0d0-0000-4000-8000-000000000001
                            salt: 0001020304050607
                            iterations_or_cipher: 4096
                            encrypted_secret: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                """).contains("""
                  owner_information: owner information (draft §15.5)
                    content: 5 (owner)
                    owner_sequence_number: 3
                """, """
                  decryption_key_id: d0d0d0d0-0000-4000-8000-000000000001
                  encrypted_payload: 000102030405060708090a0b0c0d0e0f... (100 bytes)
                  signature: signature (draft §7.3)
                """, "format: 16 (hmacWithSHA256)", "hmac: 33333333");
    }

    @Test
    void given_a_key_definition_alone_when_inspected_then_a_key_definition_tree() {
        CliRun.Result result = CliRun.withStdin(KeyDefinitionCodec.encode(Structures.channelKey().key()), "inspect");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("key definition (draft §7.2)\n  content: 1 (key)\n  format: 0 (EC)\n");
    }

    @Test
    void given_every_truncation_of_a_key_when_inspected_then_exit_2_one_line_and_nothing_on_stdout() {
        byte[] encoded = AuthenticatedKeyCodec.encode(Structures.channelKey());
        for (int n = 1; n < encoded.length; n++) {
            CliRun.Result result = CliRun.withStdin(Arrays.copyOf(encoded, n), "inspect");

            assertThat(result.exitCode()).as("prefix %d", n).isEqualTo(2);
            assertThat(result.out()).as("prefix %d", n).isEmpty();
            assertThat(result.errLines()).as("prefix %d", n).singleElement().asString().startsWith("error: ");
        }
    }

    @Test
    void given_a_damaged_key_when_inspected_then_the_error_names_the_structure_and_field_path() {
        byte[] encoded = AuthenticatedKeyCodec.encode(Structures.channelKey());

        CliRun.Result truncated = CliRun.withStdin(Arrays.copyOf(encoded, encoded.length - 10), "inspect");
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        CliRun.Result trailing = CliRun.withStdin(longer, "inspect");

        assertThat(truncated.errLines()).containsExactly("error: invalid authenticated key: authenticated_key.signature.s: truncated");
        assertThat(trailing.errLines()).containsExactly("error: invalid authenticated key: trailing bytes after the data item");
    }

    @Test
    void given_an_unknown_identity_class_when_inspected_then_the_field_is_named() {
        byte[] encoded = AuthenticatedKeyCodec.encode(Structures.channelKey());
        encoded[2] = 9; // [0x85, 0x00, class, ...]

        CliRun.Result result = CliRun.withStdin(encoded, "inspect");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: invalid authenticated key: authenticated_key.class: unknown value 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "68656c6c6f20776f726c64", "a0", "ff", "9f01ff", "c0", "f97e00", "8301020304"})
    void given_garbage_when_inspected_then_exit_2_one_error_line_and_empty_stdout(String input) {
        CliRun.Result result = CliRun.withStdin(HexFormat.of().parseHex(input), "inspect");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").doesNotContain("Exception");
    }

    @Test
    void given_random_bytes_when_inspected_then_never_a_crash() {
        Random random = new Random(20260101);
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[1 + random.nextInt(80)];
            random.nextBytes(data);

            CliRun.Result result = CliRun.withStdin(data, "inspect");

            assertThat(result.exitCode()).as(hex(data)).isIn(0, 2);
            if (result.exitCode() == 2) {
                assertThat(result.out()).isEmpty();
                assertThat(result.errLines()).as(hex(data)).singleElement().asString().startsWith("error: ");
            }
        }
    }

    @Test
    void given_text_that_is_not_hex_when_inspected_with_hex_then_exit_2() {
        CliRun.Result result = CliRun.withStdin("85 00 zz".getBytes(StandardCharsets.US_ASCII), "inspect", "--hex");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: input is not hex: unexpected character at digit 5");
    }

    @Test
    void given_hex_text_without_the_hex_option_when_inspected_then_the_error_suggests_it() {
        String text = hex(AuthenticatedKeyCodec.encode(Structures.channelKey())) + "\n";

        CliRun.Result result = CliRun.withStdin(text.getBytes(StandardCharsets.US_ASCII), "inspect");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().endsWith("(the input looks like hex text: add --hex)");
    }

    @Test
    void given_a_missing_file_or_a_directory_when_inspected_then_exit_2_one_line() {
        CliRun.Result missing = CliRun.run("inspect", dir.resolve("absent.cbor").toString());
        CliRun.Result directory = CliRun.run("inspect", dir.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.errLines()).containsExactly("error: cannot read " + dir.resolve("absent.cbor") + ": no such file");
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.errLines()).containsExactly("error: cannot read " + dir + ": is a directory");
    }

    @Test
    void given_two_files_when_inspected_then_a_usage_error() {
        CliRun.Result result = CliRun.run("inspect", "a.cbor", "b.cbor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ");
    }
}
