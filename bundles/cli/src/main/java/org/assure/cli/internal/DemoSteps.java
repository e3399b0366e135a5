package org.assure.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's steps as they happen: each prints its number and name when it starts and its outcome, time and a
 * short detail when it ends; the summary table comes at the end. Once a step fails, the remaining steps are
 * skipped — each builds on the ones before — and reported as such, never as passed.
 */
final class DemoSteps {
    /** How a step ended. */
    enum Result {
        PASS, FAIL, SKIP
    }

    /** One finished step. */
    record Step(int number, String name, Result result, long millis, String detail) {
    }

    /** The work of a step: returns the detail line to print, throws to fail the step. */
    @FunctionalInterface
    interface Action {
        String run() throws Exception;
    }

    private final PrintWriter out;
    private final int total;
    private final List<Step> steps = new ArrayList<>();
    private final long started = System.nanoTime();
    private boolean failed;

    DemoSteps(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Runs the step unless an earlier one failed; returns whether it passed. */
    boolean run(String name, Action action) {
        int number = steps.size() + 1;
        if (failed) {
            steps.add(new Step(number, name, Result.SKIP, 0, "skipped: an earlier step failed"));
            return false;
        }
        out.printf(Locale.ROOT, "[%2d/%d] %s ...%n", number, total, name);
        out.flush();
        long start = System.nanoTime();
        Result result;
        String detail;
        try {
            detail = action.run();
            result = Result.PASS;
        } catch (CliException e) {
            detail = e.getMessage();
            result = Result.FAIL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
            result = Result.FAIL;
        } catch (Exception | AssertionError e) {
            detail = reason(e);
            result = Result.FAIL;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        failed |= result == Result.FAIL;
        steps.add(new Step(number, name, result, millis, detail == null ? "" : detail));
        out.printf(Locale.ROOT, "        %s  %s  %s%n", result == Result.PASS ? "ok    " : "FAILED", seconds(millis),
                detail == null ? "" : AssureMain.oneLine(detail));
        out.flush();
        return result == Result.PASS;
    }

    /** An exception's type and message, with its causes' messages: they say which handshake failed and why. */
    static String reason(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                text.append(" (").append(cause.getMessage()).append(')');
            }
        }
        return text.toString();
    }

    boolean allPassed() {
        return !failed && steps.size() == total && steps.stream().allMatch(s -> s.result() == Result.PASS);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The summary table. */
    void printSummary() {
        int width = steps.stream().mapToInt(s -> s.name().length()).max().orElse(10);
        out.println();
        out.printf(Locale.ROOT, "%3s  %-" + width + "s  %-6s  %8s%n", "#", "step", "result", "time");
        out.println("-".repeat(width + 25));
        for (Step s : steps) {
            out.printf(Locale.ROOT, "%3d  %-" + width + "s  %-6s  %8s%n", s.number(), s.name(), s.result(),
                    s.result() == Result.SKIP ? "-" : seconds(s.millis()));
        }
        out.println("-".repeat(width + 25));
        long passed = count(Result.PASS);
        out.printf(Locale.ROOT, "%d of %d steps passed, %d failed, %d skipped; total %s%n", passed, total,
                count(Result.FAIL), total - passed - count(Result.FAIL), seconds((System.nanoTime() - started) / 1_000_000));
        out.flush();
    }

    private long count(Result result) {
        return steps.stream().filter(s -> s.result() == result).count();
    }

    /** The steps as JSON, for {@code summary.json}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = Json.object();
        json.put("passed", allPassed());
        List<Object> list = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> step = Json.object();
            step.put("number", s.number());
            step.put("name", s.name());
            step.put("result", s.result().name());
            step.put("millis", s.millis());
            step.put("detail", s.detail());
            list.add(step);
        }
        json.put("steps", list);
        return json;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%6.2f s", millis / 1000.0);
    }
}
