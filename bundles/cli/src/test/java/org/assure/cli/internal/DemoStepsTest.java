package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo's step reporting: a failed step fails the run and skips the rest, never counted as passed. */
class DemoStepsTest {
    private final StringWriter text = new StringWriter();
    private final DemoSteps steps = new DemoSteps(new PrintWriter(text, true), 3);

    @Test
    void given_every_step_passes_when_summarised_then_all_passed() {
        steps.run("one", () -> "fine");
        steps.run("two", () -> "fine too");
        steps.run("three", () -> null);

        assertThat(steps.allPassed()).isTrue();
        steps.printSummary();
        assertThat(text.toString()).contains("[ 1/3] one ...", "ok", "fine too", "3 of 3 steps passed, 0 failed, 0 skipped");
    }

    @Test
    void given_a_failing_step_when_run_then_later_steps_are_skipped_and_the_run_failed() {
        boolean first = steps.run("one", () -> "fine");
        boolean second = steps.run("two", () -> {
            throw new CliException("no echo within 5 s");
        });
        boolean third = steps.run("three", () -> "never runs");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(third).isFalse();
        assertThat(steps.allPassed()).isFalse();
        assertThat(steps.steps()).extracting(DemoSteps.Step::result)
                .containsExactly(DemoSteps.Result.PASS, DemoSteps.Result.FAIL, DemoSteps.Result.SKIP);
        assertThat(text.toString()).contains("FAILED", "no echo within 5 s").doesNotContain("[ 3/3]");
        steps.printSummary();
        assertThat(text.toString()).contains("1 of 3 steps passed, 1 failed, 1 skipped");
        assertThat(Json.write(steps.toJson())).contains("\"passed\" : false", "\"result\" : \"SKIP\"");
    }

    @Test
    void given_fewer_steps_than_announced_when_asked_then_not_all_passed() {
        steps.run("one", () -> "fine");

        assertThat(steps.allPassed()).isFalse();
    }

    @Test
    void given_an_unexpected_exception_when_run_then_its_causes_are_in_the_detail() {
        steps.run("one", () -> {
            throw new IllegalStateException("outer", new java.io.IOException("handshake failed: bad_certificate"));
        });

        assertThat(steps.steps().get(0).detail())
                .isEqualTo("IllegalStateException: outer (handshake failed: bad_certificate)");
    }
}
