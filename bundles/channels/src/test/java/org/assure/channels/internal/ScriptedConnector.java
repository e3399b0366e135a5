package org.assure.channels.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;

/**
 * A {@link ChannelConnector} whose handshakes the test finishes by hand, to drive the state machine through every
 * transition without a network. (The real connector is exercised by the DTLS integration tests.)
 */
final class ScriptedConnector implements ChannelConnector {
    static final class Attempt {
        final ManagedChannel channel;
        final CompletableFuture<ChannelLink> result = new CompletableFuture<>();

        Attempt(ManagedChannel channel) {
            this.channel = channel;
        }

        TestLink succeed() {
            TestLink link = new TestLink();
            result.complete(link);
            return link;
        }

        void fail(ChannelState state) {
            result.completeExceptionally(new ChannelOpenException(state, "scripted"));
        }
    }

    static class TestLink implements ChannelLink {
        final CompletableFuture<ChannelState> ended = new CompletableFuture<>();
        int closeCalls;

        @Override
        public CompletionStage<ChannelState> ended() {
            return ended;
        }

        @Override
        public void close() {
            closeCalls++;
            ended.complete(ChannelState.CLOSED);
        }

        void lose(ChannelState state) {
            ended.complete(state);
        }
    }

    final List<Attempt> attempts = new ArrayList<>();

    @Override
    public synchronized CompletionStage<ChannelLink> connect(ManagedChannel channel) {
        Attempt attempt = new Attempt(channel);
        attempts.add(attempt);
        return attempt.result;
    }

    final List<org.assure.channels.ManagementRequest> sent = new ArrayList<>();

    /** Answers every request with 2.05 and the request's payload, recording it. */
    @Override
    public synchronized CompletionStage<org.assure.channels.ManagementResponse> send(ManagedChannel channel,
            org.assure.channels.ManagementRequest request) {
        sent.add(request);
        return CompletableFuture.completedFuture(new org.assure.channels.ManagementResponse(
                org.assure.channels.ManagementStatus.CONTENT, request.contentFormat(), request.payload()));
    }

    synchronized Attempt last() {
        return attempts.get(attempts.size() - 1);
    }
}
