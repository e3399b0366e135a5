package org.assure.dtls;

import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;

/** Engines on loopback with ephemeral ports, closed together. */
public final class Peers implements AutoCloseable {
    public static final SecureRandom RANDOM = new SecureRandom();

    private final List<DtlsEngine> engines = new ArrayList<>();
    private final InetAddress loopback;

    Peers(InetAddress loopback) {
        this.loopback = loopback;
    }

    public static Peers ipv4() throws IOException {
        return new Peers(InetAddress.getByName("127.0.0.1"));
    }

    public static Peers ipv6() throws IOException {
        return new Peers(InetAddress.getByName("::1"));
    }

    public DtlsEngine server(DtlsConfig config, DtlsServerCredentials credentials, Events events) throws IOException {
        return add(DtlsEngine.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT).config(config)
                .serverCredentials(credentials).listener(events).dataHandler(events).random(RANDOM).start());
    }

    public TapTransport tap() {
        return new TapTransport(UdpTransport.ephemeral(loopback));
    }

    public DtlsEngine server(TapTransport transport, DtlsConfig config, DtlsServerCredentials credentials, Events events)
            throws IOException {
        return add(DtlsEngine.builder(transport, ChannelKind.MANAGEMENT).config(config)
                .serverCredentials(credentials).listener(events).dataHandler(events).random(RANDOM).start());
    }

    public DtlsEngine client(TapTransport transport, DtlsConfig config, Events events) throws IOException {
        return add(DtlsEngine.builder(transport, ChannelKind.MANAGEMENT).config(config)
                .listener(events).dataHandler(events).random(RANDOM).start());
    }

    public DtlsEngine client(DtlsConfig config, Events events) throws IOException {
        return add(DtlsEngine.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT).config(config)
                .listener(events).dataHandler(events).random(RANDOM).start());
    }

    private DtlsEngine add(DtlsEngine engine) {
        engines.add(engine);
        return engine;
    }

    public static DtlsConfig fast() {
        return DtlsConfig.builder().handshakeTimeout(java.time.Duration.ofSeconds(10))
                .retransmissionInitial(java.time.Duration.ofMillis(200)).build();
    }

    public static SecretBytes secret() {
        return KeyGeneration.randomSecret(32, RANDOM);
    }

    public static OwnKey ownKey(GenerateKeyType type) {
        KeyPair pair = KeyGeneration.generate(type, RANDOM);
        return new OwnKey(UUID.randomUUID(), pair.getPublic(), pair.getPrivate());
    }

    public static Bytes spki(OwnKey key) {
        return Keys.encodePublic(key.publicKey());
    }

    public static Address address(DtlsEngine engine) {
        return engine.localAddress();
    }

    @Override
    public void close() {
        engines.forEach(DtlsEngine::close);
    }
}
