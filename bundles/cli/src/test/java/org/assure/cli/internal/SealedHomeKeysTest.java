package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private keys a home keeps are sealed under the home passphrase: no file holds a key in clear, a wrong or
 * missing passphrase is one clear error with no secret in the output, a plain key file of an earlier version is
 * sealed on first use; and a manufacturer or owner can start from the authority's URL alone
 * ({@code GET /v1/authority}).
 */
class SealedHomeKeysTest {
    @TempDir
    static Path dir;

    private static RunningAuthority authority;
    private static Path factory;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        factory = dir.resolve("factory");
        authority = RunningAuthority.start(factory);
        url = (String) Json.parseObject(Files.readString(authority.info()), "info").get("trusted_authority_url");
    }

    @AfterAll
    static void stop() throws Exception {
        if (authority != null) {
            authority.close();
        }
    }

    private static Path registered(String name) {
        Path home = dir.resolve(name + "-" + UUID.randomUUID());
        CliRun.Result result = CliRun.run("owner", "register", "--home", home.toString(), "--authority-info",
                authority.info().toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(CliRun.PASSPHRASE);
        return home;
    }

    private static CliRun.Result withEnvironment(Map<String, String> environment, String... args) {
        return CliRun.runWithEnvironment(environment, new byte[0], Clock.systemUTC(), args);
    }

    /** Every file under {@code root}, as bytes. */
    private static List<byte[]> files(Path root) throws Exception {
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                contents.add(Files.readAllBytes(p));
            }
        }
        return contents;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void given_a_registered_owner_then_no_file_in_the_home_holds_its_private_key_in_clear() throws Exception {
        Path home = registered("alice");
        Path sealed = home.resolve("owner").resolve(SealedKeyFile.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sealed))).isEqualTo("rw-------");
        assertThat(home.resolve("owner").resolve("key.pem")).doesNotExist();

        PrivateKey key = SealedKeyFile.read(sealed, "owner", CliRun.PASSPHRASE.toCharArray());
        byte[] der = key.getEncoded();
        byte[] scalar = ((java.security.interfaces.ECPrivateKey) key).getS().toByteArray();
        byte[] scalar32 = java.util.Arrays.copyOfRange(scalar, scalar.length - 32, scalar.length);
        List<byte[]> needles = List.of(der, scalar32, Base64.getEncoder().encodeToString(der).getBytes(StandardCharsets.US_ASCII),
                Base64.getMimeEncoder().encodeToString(der).substring(0, 60).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(scalar32).getBytes(StandardCharsets.US_ASCII),
                "PRIVATE KEY".getBytes(StandardCharsets.US_ASCII), CliRun.PASSPHRASE.getBytes(StandardCharsets.UTF_8));
        for (Path root : List.of(home, factory)) {
            for (byte[] file : files(root)) {
                for (byte[] needle : needles) {
                    assertThat(contains(file, needle)).as("a file under " + root + " holds key material").isFalse();
                }
            }
        }
        // The manufacturer key of 'authority start' is sealed the same way.
        assertThat(factory.resolve("manufacturer").resolve(SealedKeyFile.FILE)).exists();
        assertThat(factory.resolve("manufacturer").resolve("key.pem")).doesNotExist();
    }

    @Test
    void given_a_wrong_or_missing_passphrase_then_one_clear_error_and_no_secret_in_the_output() throws Exception {
        Path home = registered("bob");
        String wrong = "not the right passphrase";
        CliRun.Result bad = withEnvironment(Map.of(HomePassphrase.ENV, wrong), "owner", "release",
                UUID.randomUUID().toString(), "--home", home.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.errLines()).singleElement().asString().startsWith("error: ")
                .contains(SealedKeyFile.FILE, "does not open: wrong home passphrase");
        assertThat(bad.err()).doesNotContain(wrong).doesNotContain(CliRun.PASSPHRASE);

        CliRun.Result none = withEnvironment(Map.of(), "owner", "release", UUID.randomUUID().toString(),
                "--home", home.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errLines()).singleElement().asString()
                .contains("sealed under a passphrase", "--home-passphrase-file", HomePassphrase.ENV);

        // A passphrase file others may read is refused; one that only its owner reads works.
        Path file = dir.resolve("passphrase-" + UUID.randomUUID());
        Files.writeString(file, CliRun.PASSPHRASE + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun.Result open = withEnvironment(Map.of(), "owner", "release", UUID.randomUUID().toString(),
                "--home", home.toString(), "--home-passphrase-file", file.toString());
        assertThat(open.errLines()).singleElement().asString().contains("readable by others; chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        CliRun.Result fromFile = withEnvironment(Map.of(HomePassphrase.ENV_FILE, file.toString()), "owner",
                "release", UUID.randomUUID().toString(), "--home", home.toString());
        // The key opened: what fails now is the release of a device nobody owns, at the authority.
        assertThat(fromFile.exitCode()).isEqualTo(2);
        assertThat(fromFile.err()).doesNotContain("does not open").contains("release of");
    }

    @Test
    void given_a_plain_key_file_of_an_earlier_version_then_it_is_sealed_on_first_use_and_removed() throws Exception {
        Path home = registered("carol");
        Path owner = home.resolve("owner");
        PrivateKey key = SealedKeyFile.read(owner.resolve(SealedKeyFile.FILE), "owner", CliRun.PASSPHRASE.toCharArray());
        Files.delete(owner.resolve(SealedKeyFile.FILE));
        Files.writeString(owner.resolve("key.pem"), Credentials.pem("PRIVATE KEY", key.getEncoded()));

        CliRun.Result run = CliRun.run("owner", "release", UUID.randomUUID().toString(), "--home", home.toString());

        assertThat(run.err()).contains("note: sealed the plain private key " + owner.resolve("key.pem"));
        assertThat(owner.resolve("key.pem")).doesNotExist();
        assertThat(SealedKeyFile.read(owner.resolve(SealedKeyFile.FILE), "owner", CliRun.PASSPHRASE.toCharArray())
                .getEncoded()).isEqualTo(key.getEncoded());
        // A sealed file moved to another purpose does not open there.
        Path copy = dir.resolve("moved-" + UUID.randomUUID());
        Files.copy(owner.resolve(SealedKeyFile.FILE), copy);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SealedKeyFile.read(copy, "manufacturer",
                CliRun.PASSPHRASE.toCharArray()))).isInstanceOf(CliException.class).hasMessageContaining("sealed for 'owner'");
    }

    @Test
    void given_only_the_authority_url_then_manufacture_and_owner_register_fetch_its_public_document() throws Exception {
        Path maker = dir.resolve("maker-" + UUID.randomUUID());
        // The manufacturer's certificate is the one the authority accepts (made by 'authority start').
        Files.createDirectories(maker.resolve("manufacturer"));
        for (String f : List.of(SealedKeyFile.FILE, "cert.pem")) {
            Files.copy(factory.resolve("manufacturer").resolve(f), maker.resolve("manufacturer").resolve(f));
        }
        String fingerprint = Credentials.fingerprint(Credentials.readCertificate(factory.resolve("authority").resolve("ca.pem")));

        CliRun.Result wrongPin = CliRun.run("manufacture", "--home", maker.toString(), "--authority", url,
                "--ca-fingerprint", "00".repeat(32), "--iterations", "10000");
        assertThat(wrongPin.exitCode()).isEqualTo(2);
        assertThat(wrongPin.errLines()).singleElement().asString().contains("not the one --ca-fingerprint gives");
        assertThat(maker.resolve("authority").resolve(AuthorityInfo.FILE)).doesNotExist();

        CliRun.Result made = CliRun.run("manufacture", "--home", maker.toString(), "--authority", url,
                "--iterations", "10000", "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("note: trusting the Trusted Authority's CA (SHA-256 " + fingerprint + ")");
        assertThat(maker.resolve("authority").resolve(AuthorityInfo.FILE)).exists();
        // Pinned now: the next run reads the kept document and says nothing about trust.
        CliRun.Result again = CliRun.run("manufacture", "--home", maker.toString(), "--iterations", "10000",
                "--ca-fingerprint", fingerprint);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("trusting");

        Path dave = dir.resolve("dave-" + UUID.randomUUID());
        CliRun.Result register = CliRun.run("owner", "register", "--home", dave.toString(), "--authority", url,
                "--ca-fingerprint", fingerprint.toUpperCase(java.util.Locale.ROOT), "--json");
        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.err()).doesNotContain("trusting");
    }
}
