package org.assure.console.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.core.error.AssureException;
import org.assure.core.model.Bytes;

/**
 * Sends {@code GET /v1/ping} (draft §10.1.16) to the peer of a channel through the channel manager and waits for the
 * echo. Failures become short fixed reasons; nothing from the peer but the echo itself is shown.
 */
final class Pinger {
    /** CoAP Content-Format text/plain;charset=utf-8 (RFC 7252 §12.3). */
    static final int TEXT_PLAIN = 0;

    private final Duration timeout;
    private final LongSupplier nanoTime;

    Pinger(Duration timeout, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    PingResult ping(ChannelManager channels, PingRequest ping) throws InterruptedException {
        ManagementRequest request = new ManagementRequest(ManagementMethod.GET, List.of("v1", "ping"), List.of(),
                OptionalInt.of(TEXT_PLAIN), Bytes.of(ping.payload().getBytes(StandardCharsets.UTF_8)));
        long start = nanoTime.getAsLong();
        ManagementResponse response;
        try {
            response = channels.send(ping.channel(), request).toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return PingResult.failed("no answer in time");
        } catch (ExecutionException | CompletionException e) {
            return PingResult.failed(reason(e.getCause()));
        }
        long rtt = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
        if (!response.status().isSuccess()) {
            return PingResult.failed("peer answered " + response.status().codeClass() + "."
                    + String.format("%02d", response.status().codeDetail()));
        }
        try {
            return PingResult.ok(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(response.payload().toByteArray())).toString(), rtt);
        } catch (CharacterCodingException e) {
            return PingResult.failed("echo is not UTF-8 text");
        }
    }

    private static String reason(Throwable cause) {
        if (cause instanceof AssureException assure) {
            return switch (assure.kind()) {
                case NOT_FOUND -> "no such channel";
                case UNAVAILABLE -> "channel is not open";
                case NOT_IMPLEMENTED -> "sending is not supported";
                default -> "request refused";
            };
        }
        if (cause instanceof IOException) {
            return "no answer from the peer";
        }
        return "request failed";
    }
}
