package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AssureMainTest {
    @Test
    void given_help_option_when_run_then_usage_lists_every_command_and_exit_0() {
        CliRun.Result result = CliRun.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: assure").contains("inspect", "derive", "envelope", "qr", "timestamp",
                "authority", "manufacture", "owner", "device", "channel");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "derive", "envelope", "qr", "timestamp", "authority", "authority start",
            "manufacture", "owner", "owner register", "owner show", "owner claim", "owner transfer", "owner release",
            "device", "device register", "device replace", "device status", "device info", "channel", "channel create",
            "channel topology"})
    void given_a_command_with_help_when_run_then_its_usage_and_exit_0(String command) {
        String[] words = (command + " --help").split(" ");
        CliRun.Result result = CliRun.run(words);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: assure " + command);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void given_version_option_when_run_then_the_project_version() {
        CliRun.Result result = CliRun.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("assure \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void given_no_command_when_run_then_usage_error_on_one_line() {
        CliRun.Result result = CliRun.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("error: missing command");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--no-such-option"})
    void given_an_unknown_command_or_option_when_run_then_exit_2_with_one_error_line(String argument) {
        CliRun.Result result = CliRun.run(argument);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void given_missing_required_options_when_run_then_exit_2_naming_them() {
        CliRun.Result result = CliRun.run("qr", "--device", "00112233-4455-6677-8899-aabbccddeeff");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("error: Missing required option: '--case=HEX' (see 'assure qr --help')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "not-a-uuid", "00112233445566778899aabbccddeeff"})
    void given_a_malformed_uuid_when_run_then_exit_2(String uuid) {
        CliRun.Result result = CliRun.run("qr", "--device", uuid, "--case", "00".repeat(16));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("not a UUID");
    }
}
