package org.assure.itests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader of a forked crash-test writer's announcements: {@code READY n} once it is ready (at sequence n),
 * {@code BEGIN n} before it starts commit n and {@code DONE n} once commit n is durable, one a line on stdout. The
 * test kills the writer at a random moment and checks what is on disk against the last BEGIN and DONE it saw.
 */
public final class Announcements {
    private static final Pattern ANNOUNCEMENT = Pattern.compile("(READY|BEGIN|DONE) (\\d{1,18})");

    private Announcements() {
    }

    /**
     * Follows the writer's announcements until its stdout ends: READY sets {@code begun} and {@code done} and counts
     * {@code ready} down, BEGIN sets {@code begun}, DONE sets {@code done}. Other lines (the JVM prints its warnings
     * on stdout) are kept in {@code other} for the failure message and skipped; the last line may lack its newline
     * when the kill lands between the two writes, and a truncated announcement is then one of those other lines.
     */
    public static void read(Process process, AtomicLong begun, AtomicLong done, CountDownLatch ready,
            List<String> other) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = ANNOUNCEMENT.matcher(line);
                if (!m.matches()) {
                    other.add(line);
                    continue;
                }
                long n = Long.parseLong(m.group(2));
                switch (m.group(1)) {
                    case "READY" -> {
                        begun.set(n);
                        done.set(n);
                        ready.countDown();
                    }
                    case "BEGIN" -> begun.set(n);
                    default -> done.set(n);
                }
            }
        } catch (IOException e) {
            other.add("read failed: " + e);
        }
    }
}
