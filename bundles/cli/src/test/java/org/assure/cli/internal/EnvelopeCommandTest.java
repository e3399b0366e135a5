package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code assure envelope} and {@code assure derive --reference-key}, against each other and against OpenSSL. */
class EnvelopeCommandTest {
    private static final String KEY_ID = "0a0b0c0d-1111-2222-3333-444455556666";
    private static final String OTHER_KEY_ID = "0a0b0c0d-1111-2222-3333-444455556667";
    private static final String SECRET = "00112233445566778899aabbccddeeff0123456789abcdef";

    @TempDir
    Path dir;

    static Stream<Arguments> keyTypes() {
        return Stream.of(Arguments.of("EC P-256", TestKeys.ec()), Arguments.of("RSA 2048", TestKeys.rsa()));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private CliRun.Result seal(Path publicKey, Path out) {
        return CliRun.run("envelope", "--recipient", publicKey.toString(), "--key-id", KEY_ID, "--secret", SECRET,
                "--out", out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void given_an_envelope_written_for_a_key_when_derived_with_its_private_key_then_the_secret(String type, KeyPair pair)
            throws Exception {
        Path publicKey = write("public.pem", TestKeys.publicPem(pair));
        Path privateKey = write("private.pem", TestKeys.privatePem(pair));
        Path envelope = dir.resolve("secret.cms");

        CliRun.Result sealed = seal(publicKey, envelope);
        CliRun.Result opened = CliRun.run("derive", "--reference-key", privateKey.toString(), "--envelope", envelope.toString());
        CliRun.Result openedById = CliRun.run("derive", "--reference-key", privateKey.toString(), "--envelope",
                envelope.toString(), "--key-id", KEY_ID);

        assertThat(sealed.exitCode()).as(sealed.err()).isZero();
        assertThat(sealed.out()).isEmpty();
        assertThat(Files.readAllBytes(envelope)[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).isEqualTo(SECRET + "\n");
        assertThat(openedById.out()).isEqualTo(SECRET + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void given_an_envelope_when_derived_requiring_another_key_id_then_exit_2(String type, KeyPair pair) throws Exception {
        Path envelope = dir.resolve("secret.cms");
        seal(write("public.pem", TestKeys.publicPem(pair)), envelope);

        CliRun.Result result = CliRun.run("derive", "--reference-key", write("private.pem", TestKeys.privatePem(pair)).toString(),
                "--envelope", envelope.toString(), "--key-id", OTHER_KEY_ID);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: CMS envelope cannot be opened with this key");
    }

    @Test
    void given_an_envelope_for_one_key_when_derived_with_another_then_exit_2() throws Exception {
        Path envelope = dir.resolve("secret.cms");
        seal(write("public.pem", TestKeys.publicPem(TestKeys.ec())), envelope);

        CliRun.Result result = CliRun.run("derive", "--reference-key", write("other.pem", TestKeys.privatePem(TestKeys.ec())).toString(),
                "--envelope", envelope.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: CMS envelope cannot be opened with this key");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void given_an_envelope_when_inspected_then_recipient_and_algorithms_without_the_secret(String type, KeyPair pair)
            throws Exception {
        Path envelope = dir.resolve("secret.cms");
        seal(write("public.pem", TestKeys.publicPem(pair)), envelope);

        CliRun.Result result = CliRun.withStdin(HexFormat.of().formatHex(Files.readAllBytes(envelope)).getBytes(),
                "inspect", "--hex", "-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("CMS enveloped data (RFC 5652), ")
                .contains("recipient: subjectKeyIdentifier " + KEY_ID, "content_encryption: aes128-CBC (2.16.840.1.101.3.4.1.2)",
                        type.startsWith("EC")
                                ? "key_encryption: dhSinglePass-stdDH-sha256kdf-scheme (1.3.132.1.11.1) with id-aes128-wrap"
                                : "key_encryption: RSAES-OAEP (1.2.840.113549.1.1.7) with SHA-256")
                .doesNotContain(SECRET.substring(0, 8));
    }

    @Test
    void given_a_private_key_as_recipient_when_sealing_then_exit_2_with_a_hint() throws Exception {
        KeyPair pair = TestKeys.ec();

        CliRun.Result result = seal(write("private.pem", TestKeys.privatePem(pair)), dir.resolve("out.cms"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("holds a PRIVATE KEY, expected a PUBLIC KEY", "openssl pkey -pubout");
        assertThat(result.err()).doesNotContain("BEGIN");
    }

    @Test
    void given_a_secret_below_16_bytes_when_sealing_then_exit_2() throws Exception {
        Path publicKey = write("public.pem", TestKeys.publicPem(TestKeys.ec()));

        CliRun.Result result = CliRun.run("envelope", "--recipient", publicKey.toString(), "--key-id", KEY_ID,
                "--secret", "0011", "--out", dir.resolve("out.cms").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: --secret must be 16 to 64 bytes");
        assertThat(dir.resolve("out.cms")).doesNotExist();
    }

    @Test
    void given_a_missing_key_file_when_deriving_then_exit_2() {
        CliRun.Result result = CliRun.run("derive", "--reference-key", dir.resolve("none.pem").toString(),
                "--envelope", dir.resolve("none.cms").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().endsWith("none.pem: no such file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void given_an_envelope_written_here_when_openssl_decrypts_it_then_the_secret(String type, KeyPair pair) throws Exception {
        assumeThat(openssl("version").exitCode).as("openssl installed").isZero();
        Path publicKey = write("public.pem", TestKeys.publicPem(pair));
        Path privateKey = write("private.pem", TestKeys.privatePem(pair));
        Path envelope = dir.resolve("secret.cms");
        Path plain = dir.resolve("secret.bin");
        seal(publicKey, envelope);

        Process decrypt = openssl("cms", "-decrypt", "-inform", "DER", "-in", envelope.toString(), "-inkey",
                privateKey.toString(), "-out", plain.toString());

        assertThat(decrypt.exitCode).as(decrypt.err).isZero();
        assertThat(HexFormat.of().formatHex(Files.readAllBytes(plain))).isEqualTo(SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyTypes")
    void given_an_envelope_from_openssl_when_derived_then_the_secret(String type, KeyPair pair) throws Exception {
        assumeThat(openssl("version").exitCode).as("openssl installed").isZero();
        Path privateKey = write("private.pem", TestKeys.privatePem(pair));
        Path certificate = dir.resolve("recipient.crt");
        Path plain = Files.write(dir.resolve("secret.bin"), HexFormat.of().parseHex(SECRET));
        Path envelope = dir.resolve("secret.cms");
        // PROFILE §4: the recipient is named by subjectKeyIdentifier = the key id's 16 bytes.
        String ski = KEY_ID.replace("-", "").replaceAll("(..)(?!$)", "$1:");
        Process certify = openssl("req", "-x509", "-new", "-key", privateKey.toString(), "-subj", "/CN=recipient",
                "-days", "1", "-addext", "subjectKeyIdentifier=" + ski, "-out", certificate.toString());
        assertThat(certify.exitCode).as(certify.err).isZero();
        List<String> encrypt = new ArrayList<>(List.of("cms", "-encrypt", "-binary", "-aes128", "-outform", "DER",
                "-in", plain.toString(), "-out", envelope.toString(), "-keyid", "-recip", certificate.toString()));
        encrypt.addAll(type.startsWith("EC")
                ? List.of("-keyopt", "ecdh_kdf_md:sha256")
                : List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256"));
        Process sealed = openssl(encrypt.toArray(String[]::new));
        assertThat(sealed.exitCode).as(sealed.err).isZero();

        CliRun.Result result = CliRun.run("derive", "--reference-key", privateKey.toString(), "--envelope", envelope.toString(),
                "--key-id", KEY_ID);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(SECRET + "\n");
    }

    private record Process(int exitCode, String err) {
    }

    private Process openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Path err = dir.resolve("openssl.err");
        try {
            java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            // A bound so that a wedged openssl fails the test instead of hanging the build.
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Process(-1, "timed out");
            }
            return new Process(process.exitValue(), Files.readString(err));
        } catch (IOException e) {
            return new Process(-1, "openssl not runnable: " + e.getMessage());
        }
    }
}
