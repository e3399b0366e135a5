package org.assure.dtls.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.assure.core.model.Address;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsDataHandler;
import org.assure.dtls.DtlsEngineStats;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.DtlsSessionListener;

/** The engine behind {@link org.assure.dtls.DtlsEngine}. */
public final class EngineCore {
    private EngineCore() {
    }

    public static EngineCore start(ChannelTransport transport, ChannelKind kind, DtlsConfig config,
            Optional<DtlsServerCredentials> serverCredentials, DtlsSessionListener listener, DtlsDataHandler dataHandler,
            Clock clock, SecureRandom random) throws IOException {
        // TODO(issue 3): the engine lands in the next commit; this commit fixes the public API only.
        throw new UnsupportedOperationException("DTLS engine not implemented yet");
    }

    public Address localAddress() {
        throw new UnsupportedOperationException();
    }

    public CompletableFuture<DtlsSession> connect(Address server, ClientCredentials credentials) {
        throw new UnsupportedOperationException();
    }

    public Optional<DtlsSession> session(Address peer) {
        throw new UnsupportedOperationException();
    }

    public List<DtlsSession> sessions() {
        throw new UnsupportedOperationException();
    }

    public DtlsEngineStats stats() {
        throw new UnsupportedOperationException();
    }

    public void clearSessionCache() {
        throw new UnsupportedOperationException();
    }

    public void close() {
        throw new UnsupportedOperationException();
    }
}
