package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assure.authority.SharedSecretAnchors;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.QrPayload;
import org.assure.keystore.internal.FactoryIdentityReadBack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner lifecycle on the command line against a real authority (started by {@code assure authority start}
 * in this JVM, HTTPS on loopback): manufacture → register management systems → claim by QR picture → transfer →
 * release, and the refusals on the way, with exit codes, one-line errors and parsable {@code --json}.
 */
class OwnerLifecycleTest {
    private static final String ITERATIONS = "10000";

    @TempDir
    static Path dir;

    private static RunningAuthority authority;
    private static Path factory;
    private static Path alice;
    private static Path bob;
    private static String aliceId;
    private static String bobId;

    @BeforeAll
    static void start() throws Exception {
        factory = dir.resolve("factory");
        authority = RunningAuthority.start(factory);
        alice = dir.resolve("alice");
        bob = dir.resolve("bob");
        aliceId = register(alice);
        bobId = register(bob);
    }

    @AfterAll
    static void stop() throws Exception {
        if (authority != null) {
            authority.close();
        }
    }

    private static String register(Path home) {
        CliRun.Result result = CliRun.run("owner", "register", "--home", home.toString(), "--authority-info",
                authority.info().toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, Object> json = Json.parseObject(result.out(), "stdout");
        String id = (String) json.get("management_id");
        assertThat(id).matches("[0-9a-f]{16,40}");
        assertThat(json.get("key_id").toString()).matches("[0-9a-f-]{36}");
        return id;
    }

    /** Manufactures one device of {@code kind}; answers its JSON entry. */
    private static Map<String, Object> manufacture(String kind) {
        CliRun.Result result = CliRun.run("manufacture", "--home", factory.toString(), "--kind", kind,
                "--iterations", ITERATIONS, "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) Json.parseObject(result.out(), "stdout").get("devices");
        assertThat(devices).hasSize(1);
        return devices.get(0);
    }

    private static CliRun.Result as(Path home, String... args) {
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--home";
        full[args.length + 1] = home.toString();
        return CliRun.run(full);
    }

    @Test
    void given_a_manufactured_device_when_claimed_by_qr_transferred_and_released_then_each_step_succeeds_once() {
        Map<String, Object> device = manufacture("ec");
        String uuid = (String) device.get("device");
        String png = (String) device.get("qr_png");

        CliRun.Result claim = as(alice, "owner", "claim", "--qr", png);
        assertThat(claim.exitCode()).as(claim.err()).isZero();
        assertThat(claim.out()).isEqualTo("claimed " + uuid + " for management system " + aliceId + "\n");

        // Bob knows the case id too (he read the QR code) but the device is Alice's: §14.4, 403.
        CliRun.Result stolen = as(bob, "owner", "claim", "--qr", png);
        assertThat(stolen.exitCode()).isEqualTo(2);
        assertThat(stolen.out()).isEmpty();
        assertThat(stolen.errLines()).singleElement().asString().startsWith("error: claim of " + uuid
                + " refused: wrong case id, unknown device, or a device another management system owns")
                .endsWith("(Trusted Authority answered 403: forbidden)");

        CliRun.Result transfer = as(alice, "owner", "transfer", uuid, "--to", bobId, "--json");
        assertThat(transfer.exitCode()).as(transfer.err()).isZero();
        Map<String, Object> moved = Json.parseObject(transfer.out(), "stdout");
        assertThat(moved).containsEntry("device", uuid).containsEntry("from", aliceId).containsEntry("owner", bobId);

        // Alice no longer owns it: neither a second transfer nor a release goes through.
        CliRun.Result again = as(alice, "owner", "release", uuid);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errLines()).singleElement().asString()
                .startsWith("error: release of " + uuid + " refused: the device is not owned by this management system");

        CliRun.Result release = as(bob, "owner", "release", uuid, "--json");
        assertThat(release.exitCode()).as(release.err()).isZero();
        assertThat(Json.parseObject(release.out(), "stdout")).containsEntry("device", uuid).containsEntry("owner", null);

        // Released: whoever has the case id may claim it, here Alice again with the values typed in.
        CliRun.Result reclaim = as(alice, "owner", "claim", "--uuid", uuid, "--case", (String) device.get("case_id"));
        assertThat(reclaim.exitCode()).as(reclaim.err()).isZero();
    }

    @Test
    void given_a_wrong_case_id_when_claiming_then_refused_and_the_right_one_still_works() {
        Map<String, Object> device = manufacture("ec");
        String uuid = (String) device.get("device");

        CliRun.Result wrong = as(bob, "owner", "claim", "--uuid", uuid, "--case", "00".repeat(16));

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.errLines()).singleElement().asString().startsWith("error: claim of " + uuid + " refused: wrong case id");
        assertThat(as(bob, "owner", "claim", "--qr", (String) device.get("qr_png")).exitCode()).isZero();
    }

    @Test
    void given_an_unknown_device_when_claiming_then_refused_with_exit_2() {
        UUID unknown = UUID.randomUUID();

        CliRun.Result result = as(alice, "owner", "claim", "--uuid", unknown.toString(), "--case", "11".repeat(16));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: claim of " + unknown + " refused");
    }

    @Test
    void given_a_file_that_is_no_picture_when_claiming_by_qr_then_exit_2_naming_the_file() throws Exception {
        Path notAnImage = dir.resolve("notes.png");
        Files.writeString(notAnImage, "not a picture");

        CliRun.Result result = as(alice, "owner", "claim", "--qr", notAnImage.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: " + notAnImage + ": not a readable image (PNG, JPEG, GIF or BMP)");
    }

    @Test
    void given_a_picture_without_a_qr_code_when_claiming_then_exit_2() throws Exception {
        Path blank = dir.resolve("blank.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", blank.toFile());

        CliRun.Result result = as(alice, "owner", "claim", "--qr", blank.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: " + blank + ": no QR code found");
    }

    @Test
    void given_both_qr_and_uuid_or_neither_when_claiming_then_usage_errors() {
        CliRun.Result neither = as(alice, "owner", "claim");
        CliRun.Result both = as(alice, "owner", "claim", "--qr", "x.png", "--uuid", UUID.randomUUID().toString());

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.errLines()).containsExactly("error: give --qr PNG, or --uuid UUID with --case HEX");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).containsExactly("error: give either --qr or --uuid with --case, not both");
    }

    @Test
    void given_a_home_without_a_management_system_when_claiming_then_it_says_to_register_first() {
        CliRun.Result result = as(dir.resolve("nobody"), "owner", "claim", "--uuid", UUID.randomUUID().toString(),
                "--case", "11".repeat(16));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("run 'assure owner register' first");
    }

    @Test
    void given_a_registered_home_when_registering_again_then_refused_naming_its_id() {
        CliRun.Result result = as(alice, "owner", "register", "--authority-info", authority.info().toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("error: this home is already management system " + aliceId);
    }

    @Test
    void given_a_malformed_management_id_when_transferring_then_usage_error_without_a_request() {
        CliRun.Result result = as(alice, "owner", "transfer", UUID.randomUUID().toString(), "--to", "bob");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("error: --to is not a management id (16..40 hex digits)");
    }

    @Test
    void given_each_kind_when_manufactured_then_the_keystore_reads_the_identity_and_the_qr_code_names_the_device()
            throws Exception {
        var info = AuthorityInfo.load(authority.info());
        for (String kind : List.of("ec", "rsa", "shared-secret")) {
            Map<String, Object> device = manufacture(kind);
            UUID uuid = UUID.fromString((String) device.get("device"));
            Path identity = Path.of((String) device.get("identity_file"));
            Path passphrase = Path.of((String) device.get("passphrase_file"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");

            FactoryIdentityReadBack.Summary read = FactoryIdentityReadBack.load(identity,
                    Files.readString(passphrase).strip().toCharArray());

            assertThat(read.deviceId()).isEqualTo(uuid);
            assertThat(read.deviceKeyId()).isEqualTo(uuid);
            assertThat(read.trustedAuthorityClass()).isEqualTo(IdentityClass.TRUSTED_AUTHORITY);
            assertThat(read.bootstrapServerId()).isEqualTo(1);
            switch (kind) {
                case "ec" -> assertThat(read.trustedAuthorityKeyId()).isEqualTo(info.taKey().keyId());
                case "rsa" -> assertThat(read.trustedAuthorityKeyId()).isEqualTo(info.taRsaKey().keyId());
                default -> assertThat(read.trustedAuthorityKeyId()).isEqualTo(SharedSecretAnchors.keyId(uuid));
            }
            assertThat(read.deviceKeyIsSecret()).isEqualTo(kind.equals("shared-secret"));
            QrPayload qr = QrImageReader.read(Path.of((String) device.get("qr_png")));
            assertThat(qr.deviceId()).isEqualTo(uuid);
            assertThat(Hex.format(qr.caseId().toByteArray())).isEqualTo(device.get("case_id"));
        }
    }

    @Test
    void given_a_wrong_passphrase_when_the_keystore_reads_the_identity_then_it_refuses() {
        Map<String, Object> device = manufacture("ec");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FactoryIdentityReadBack.load(
                Path.of((String) device.get("identity_file")), "wrong".toCharArray()))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    void given_a_count_when_manufacturing_then_one_line_per_device_and_progress_on_stderr() throws Exception {
        Path passphrase = dir.resolve("batch.passphrase");
        Files.writeString(passphrase, "correct horse battery staple\n");

        CliRun.Result result = CliRun.run("manufacture", "--home", factory.toString(), "--kind", "shared-secret",
                "--count", "3", "--iterations", ITERATIONS, "--passphrase-file", passphrase.toString(),
                "--out", dir.resolve("batch").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(3)
                .allMatch(line -> line.matches("[0-9a-f-]{36}  shared-secret  case id [0-9a-f]{32}  .*\\.png"));
        assertThat(result.errLines()).containsExactly("manufactured 1/3", "manufactured 2/3", "manufactured 3/3");
        try (var files = Files.list(dir.resolve("batch"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(6).noneMatch(n -> n.endsWith(".passphrase"));
        }
    }

    @Test
    void given_no_authority_info_when_manufacturing_then_it_says_where_it_comes_from() {
        CliRun.Result result = CliRun.run("manufacture", "--home", dir.resolve("empty").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("written by 'assure authority start'");
    }

    @Test
    void given_an_unknown_kind_when_manufacturing_then_usage_error() {
        CliRun.Result result = CliRun.run("manufacture", "--home", factory.toString(), "--kind", "dsa");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("expected ec, rsa or shared-secret");
    }

    @Test
    void given_the_running_authority_then_it_printed_its_endpoints_and_wrote_private_files_owner_only() throws Exception {
        assertThat(authority.out()).startsWith("aSSURE authority running (Ctrl-C to stop)\n")
                .contains("trusted authority:    https://127.0.0.1:", "management server:    https://127.0.0.1:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                factory.resolve("manufacturer").resolve("key.sealed")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                factory.resolve("authority").resolve("installer.password")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alice.resolve("owner").resolve("key.sealed"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alice))).isEqualTo("rwx------");
    }

    // ---- the management server's Registration API (device …) and channel plans (channel …) --------------------

    @Test
    void given_a_device_registered_by_qr_at_the_management_server_then_status_says_its_image_waits() {
        Map<String, Object> device = manufacture("ec");
        String uuid = (String) device.get("device");

        CliRun.Result register = as(factory, "device", "register", "--qr", (String) device.get("qr_png"));
        CliRun.Result status = as(factory, "device", "status", uuid, "--json");
        CliRun.Result text = as(factory, "device", "status", uuid);
        CliRun.Result info = as(factory, "device", "info", uuid);

        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.out()).startsWith("registered " + uuid);
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(Json.parseObject(status.out(), "stdout")).containsEntry("device", uuid).containsEntry("status", 2L);
        assertThat(text.out()).isEqualTo(uuid + ": 2 (bootstrap image uploaded, waiting for the device)\n");
        assertThat(info.exitCode()).isEqualTo(2);
        assertThat(info.errLines()).singleElement().asString()
                .startsWith("error: no information yet: " + uuid + " has not reported its presence");
    }

    @Test
    void given_a_device_another_owner_claimed_when_registering_at_the_management_server_then_refused() {
        Map<String, Object> device = manufacture("ec");
        assertThat(as(alice, "owner", "claim", "--qr", (String) device.get("qr_png")).exitCode()).isZero();

        CliRun.Result result = as(factory, "device", "register", "--qr", (String) device.get("qr_png"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: registration of "
                + device.get("device") + " refused by the Trusted Authority");
    }

    @Test
    void given_an_unknown_device_when_asking_its_status_then_exit_2() {
        UUID unknown = UUID.randomUUID();

        CliRun.Result result = as(factory, "device", "status", unknown.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("error: not a device of this management server");
    }

    @Test
    void given_a_wrong_installer_password_when_asking_a_status_then_exit_2() throws Exception {
        Path wrong = dir.resolve("wrong.password");
        Files.writeString(wrong, "not-the-password\n");

        CliRun.Result result = as(factory, "device", "status", UUID.randomUUID().toString(),
                "--installer-password-file", wrong.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("installer login is wrong");
    }

    @Test
    void given_registered_devices_without_presence_when_issuing_then_nothing_is_pushed_and_exit_4_names_each() {
        List<String> devices = new java.util.ArrayList<>();
        for (String kind : List.of("ec", "shared-secret", "ec")) {
            Map<String, Object> device = manufacture(kind);
            assertThat(as(factory, "device", "register", "--qr", (String) device.get("qr_png")).exitCode()).isZero();
            devices.add((String) device.get("device"));
        }

        CliRun.Result ring = as(factory, "channel", "topology", "ring", devices.get(0), devices.get(1), devices.get(2));
        CliRun.Result pair = as(factory, "channel", "create", devices.get(0), devices.get(1), "--json");

        assertThat(ring.exitCode()).as(ring.err()).isEqualTo(ChannelCommand.EXIT_NOT_COMPLETE);
        assertThat(ring.out().lines()).containsExactly("ring over 3 devices: 0 channels");
        assertThat(ring.errLines()).containsExactlyInAnyOrder("error: " + devices.get(0) + ": no presence yet",
                "error: " + devices.get(1) + ": no presence yet", "error: " + devices.get(2) + ": no presence yet");
        assertThat(pair.exitCode()).isEqualTo(ChannelCommand.EXIT_NOT_COMPLETE);
        Map<String, Object> json = Json.parseObject(pair.out(), "stdout");
        assertThat(json).containsEntry("complete", false);
        assertThat((List<?>) json.get("channels")).isEmpty();
        assertThat(new java.util.HashSet<Object>(((Map<?, ?>) json.get("errors")).keySet())).containsExactlyInAnyOrder(devices.get(0), devices.get(1));
    }

    @Test
    void given_a_device_the_management_server_does_not_manage_when_issuing_then_exit_4_naming_it() {
        UUID stranger = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        CliRun.Result result = as(factory, "channel", "create", other.toString(), stranger.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ChannelCommand.EXIT_NOT_COMPLETE);
        assertThat(result.errLines()).containsExactlyInAnyOrder(
                "error: " + other + ": not a configured device of this management server",
                "error: " + stranger + ": not a configured device of this management server");
    }

    @Test
    void given_a_device_named_twice_when_issuing_then_usage_error_and_nothing_sent() {
        UUID one = UUID.randomUUID();

        CliRun.Result result = as(factory, "channel", "topology", "star", one.toString(), one.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void given_one_device_or_an_unknown_topology_when_planning_then_usage_errors() {
        CliRun.Result one = as(factory, "channel", "topology", "star", UUID.randomUUID().toString());
        CliRun.Result mesh = as(factory, "channel", "topology", "mesh", UUID.randomUUID().toString(),
                UUID.randomUUID().toString());

        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(mesh.exitCode()).isEqualTo(2);
        assertThat(mesh.errLines()).singleElement().asString().contains("star, ring, tree, full");
    }
}
