package org.assure.channels.internal.coap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.internal.ChannelConnector;
import org.assure.channels.internal.ChannelLink;
import org.assure.channels.internal.ChannelOpenException;
import org.assure.channels.internal.ChannelSupervisor;
import org.assure.channels.internal.Scheduler;
import org.assure.channels.internal.api.ManagementApi;
import org.assure.core.model.Address;
import org.assure.core.model.ChannelState;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CloseReason;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsHandshakeException;
import org.assure.dtls.DtlsRole;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.DtlsSessionListener;
import org.assure.keystore.ChannelKeys;
import org.assure.keystore.KeystoreCredentials;
import org.assure.keystore.KeystoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channels over DTLS on every tracked transport: opens channels as DTLS client ({@link ChannelConnector}), adopts
 * sessions peers open to us, tags every session with its channel for the CoAP resources, tells the keystore's
 * server callback which channels a client may use ({@link org.assure.keystore.ChannelKeyDirectory}), and serves
 * the Device Management API on each transport's endpoints. Transports come and go at run time.
 */
public final class DtlsChannels implements ChannelConnector, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsChannels.class);
    private static final Pattern TAG = Pattern.compile("0|[1-9][0-9]{0,9}");

    private final KeystoreCredentials credentials;
    private final DtlsConfig dtlsConfig;
    private final Scheduler scheduler;
    private final Map<ChannelTransport, TransportBinding> bindings = new ConcurrentHashMap<>();
    /** Client handshakes in progress, by kind and server address as given to connect (local port 0 = any). */
    private final Map<PendingKey, Long> pending = new ConcurrentHashMap<>();
    private final Map<DtlsSession, Long> sessionChannels = new ConcurrentHashMap<>();
    private final Map<DtlsSession, DtlsLink> links = new ConcurrentHashMap<>();
    private final List<ChannelTransport> waiting = new CopyOnWriteArrayList<>();
    private volatile ChannelSupervisor supervisor;
    private volatile ManagementApi api;

    private record PendingKey(ChannelKind kind, Host remote, int remotePort) {
    }

    /** Remote addresses compared by value. */
    private record Host(String hex) {
        static Host of(IpAddress address) {
            return new Host(address.remoteAddress().toHex());
        }
    }

    public DtlsChannels(KeystoreCredentials credentials, DtlsConfig dtlsConfig, Scheduler scheduler) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.dtlsConfig = Objects.requireNonNull(dtlsConfig, "dtlsConfig");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Completes the wiring (the supervisor needs this connector and this needs the supervisor) and binds the
     * transports that arrived before.
     */
    public void start(ChannelSupervisor channelSupervisor, ManagementApi managementApi) {
        this.supervisor = Objects.requireNonNull(channelSupervisor, "supervisor");
        this.api = Objects.requireNonNull(managementApi, "api");
        for (ChannelTransport transport : List.copyOf(waiting)) {
            waiting.remove(transport);
            addTransport(transport);
        }
    }

    /** Binds a transport's management and data endpoints; non-IP transports are logged and skipped. */
    public void addTransport(ChannelTransport transport) {
        if (supervisor == null) {
            waiting.add(transport);
            return;
        }
        try {
            TransportBinding binding = TransportBinding.start(transport, this, dtlsConfig,
                    new ManagementResource(api, supervisor, scheduler));
            bindings.put(transport, binding);
            LOG.info("channels on transport {} at {}", transport.name(), binding.describe());
            supervisor.retryWaiting();
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("cannot bind transport {}", transport.name(), e);
        }
    }

    /** Unbinds a transport; its sessions end, and the state machine reports and retries their channels. */
    public void removeTransport(ChannelTransport transport) {
        waiting.remove(transport);
        TransportBinding binding = bindings.remove(transport);
        if (binding != null) {
            binding.stop();
            LOG.info("transport {} gone", transport.name());
        }
    }

    /** The bound transports' endpoints (tests, diagnostics). */
    public List<TransportBinding> bindings() {
        return List.copyOf(bindings.values());
    }

    @Override
    public void close() {
        for (ChannelTransport transport : List.copyOf(bindings.keySet())) {
            removeTransport(transport);
        }
    }

    // ---- outbound (this device is the DTLS client) ----

    @Override
    public CompletionStage<ChannelLink> connect(ManagedChannel channel) {
        ChannelKind kind = ChannelKinds.of(channel);
        Address address = channel.configuration().address();
        Optional<TransportBinding> binding = bindings.values().stream()
                .filter(b -> b.transport().addressType() == address.type()).findFirst();
        if (binding.isEmpty() || !(address instanceof IpAddress ip)) {
            return CompletableFuture.failedFuture(new ChannelOpenException(ChannelState.OTHER_ERROR,
                    "no transport for the channel's address"));
        }
        ClientCredentials client;
        try {
            client = credentials.client(keysOf(channel));
        } catch (KeystoreException e) {
            LOG.info("channel {} cannot open: {}", channel.id(), e.reason());
            return CompletableFuture.failedFuture(new ChannelOpenException(ChannelState.OTHER_ERROR,
                    "keys not usable"));
        }
        int localPort = binding.get().localPort(kind);
        if (ip.localPort() != 0 && ip.localPort() != localPort) {
            return CompletableFuture.failedFuture(new ChannelOpenException(ChannelState.OTHER_ERROR,
                    "local port not bound"));
        }
        PendingKey key = new PendingKey(kind, Host.of(ip), ip.remotePort());
        pending.put(key, channel.id());
        return binding.get().connector(kind).engine().connect(ip, client).handle((session, error) -> {
            pending.remove(key, channel.id());
            if (error != null) {
                throw new java.util.concurrent.CompletionException(failure(error));
            }
            sessionChannels.put(session, channel.id());
            return linkOf(session);
        });
    }

    private static ChannelOpenException failure(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof DtlsHandshakeException handshake) {
                return new ChannelOpenException(handshake.failure().state(), handshake.failure().cause().name());
            }
            t = t.getCause();
        }
        return new ChannelOpenException(ChannelState.OTHER_ERROR, "connect failed");
    }

    private DtlsLink linkOf(DtlsSession session) {
        DtlsLink link = links.computeIfAbsent(session, DtlsLink::new);
        if (!session.isOpen()) {
            // closed before we saw it: make sure the link reports it, the listener may already have run
            links.remove(session);
            link.end(CloseReason.ERROR);
        }
        return link;
    }

    @Override
    public CompletionStage<ManagementResponse> send(ManagedChannel channel, ManagementRequest request) {
        ChannelKind kind = ChannelKinds.of(channel);
        for (Map.Entry<DtlsSession, Long> entry : sessionChannels.entrySet()) {
            DtlsSession session = entry.getKey();
            if (entry.getValue() != channel.id() || !session.isOpen()) {
                continue;
            }
            for (TransportBinding binding : bindings.values()) {
                if (binding.connector(kind).isRunning()
                        && binding.connector(kind).engine().sessions().contains(session)) {
                    return CoapRequests.send(binding.endpoint(kind), (IpAddress) session.peerAddress(), request);
                }
            }
        }
        return CompletableFuture.failedFuture(new org.assure.core.error.AssureException(
                org.assure.core.error.ErrorKind.UNAVAILABLE, "channel has no session"));
    }

    static ChannelKeys keysOf(ManagedChannel channel) {
        return new ChannelKeys(channel.configuration().localKeyId(), channel.configuration().peerKeyId(),
                Optional.empty());
    }

    // ---- session events (called by the connectors) ----

    DtlsSessionListener listener(ChannelKind kind) {
        return new DtlsSessionListener() {
            @Override
            public void established(DtlsSession session) {
                if (session.role() == DtlsRole.CLIENT) {
                    IpAddress peer = (IpAddress) session.peerAddress();
                    Long id = pending.get(new PendingKey(kind, Host.of(peer), peer.remotePort()));
                    if (id != null) {
                        sessionChannels.put(session, id);
                    }
                    return;
                }
                Optional<ManagedChannel> channel = inboundChannel(kind, session);
                ChannelSupervisor current = supervisor;
                if (channel.isEmpty() || current == null) {
                    LOG.info("session from {} matches no channel; closing it", session.peerAddress());
                    session.close();
                    return;
                }
                sessionChannels.put(session, channel.get().id());
                if (!current.adopt(channel.get().id(), linkOf(session))) {
                    session.close();
                }
            }

            @Override
            public void closed(DtlsSession session, CloseReason reason) {
                sessionChannels.remove(session);
                DtlsLink link = links.remove(session);
                if (link != null) {
                    link.end(reason);
                }
            }
        };
    }

    /** The channel tag of a session for its principal: the channel id in decimal. */
    Optional<String> tagOf(ChannelKind kind, DtlsSession session) {
        Long id = sessionChannels.get(session);
        if (id == null && session.role() == DtlsRole.CLIENT) {
            // the connector may ask before our listener has seen the session: the connect in progress names it
            IpAddress peer = (IpAddress) session.peerAddress();
            id = pending.get(new PendingKey(kind, Host.of(peer), peer.remotePort()));
        }
        if (id != null) {
            return Optional.of(Long.toString(id));
        }
        return (session.role() == DtlsRole.SERVER ? inboundChannel(kind, session) : Optional.<ManagedChannel>empty())
                .map(c -> Long.toString(c.id()));
    }

    /** Parses a channel tag written by {@link #tagOf}. */
    static Optional<Long> parseTag(String tag) {
        return TAG.matcher(tag).matches() && tag.length() <= 10 ? Optional.of(Long.parseLong(tag))
                : Optional.empty();
    }

    /**
     * The channel a session a peer opened belongs to: same kind, the peer's IP address, and the session's key
     * (the PSK, or the peer's raw key). A channel naming the peer's exact port wins over one naming another port
     * (clients often send from an ephemeral port).
     */
    Optional<ManagedChannel> inboundChannel(ChannelKind kind, DtlsSession session) {
        IpAddress peer = (IpAddress) session.peerAddress();
        UUID keyId = session.keyId();
        return candidates(kind, peer).stream()
                .filter(c -> c.configuration().localKeyId().equals(keyId)
                        || c.configuration().effectivePeerKeyId().equals(keyId))
                .min(Comparator.comparingInt(c -> ((IpAddress) c.configuration().address()).remotePort()
                        == peer.remotePort() ? 0 : 1));
    }

    /** Channels of {@code kind} whose address names {@code peer}'s IP address (and our port, if it names one). */
    private List<ManagedChannel> candidates(ChannelKind kind, IpAddress peer) {
        ChannelSupervisor current = supervisor;
        if (current == null) {
            return List.of();
        }
        List<ManagedChannel> result = new ArrayList<>();
        for (ManagedChannel channel : current.channels()) {
            if (ChannelKinds.of(channel) == kind && channel.configuration().address() instanceof IpAddress ip
                    && sameHost(ip, peer) && (ip.localPort() == 0 || ip.localPort() == peer.localPort())) {
                result.add(channel);
            }
        }
        return result;
    }

    private static boolean sameHost(IpAddress a, IpAddress b) {
        return Arrays.equals(a.inetAddress().getAddress(), b.inetAddress().getAddress());
    }

    /** For the keystore's server callback: the keys of the channels {@code peer} may use on {@code kind}. */
    List<ChannelKeys> channelKeysFor(ChannelKind kind, Address peer) {
        if (!(peer instanceof IpAddress ip)) {
            return List.of();
        }
        return candidates(kind, ip).stream().map(DtlsChannels::keysOf).toList();
    }

    /** For CoAP requests this device sends to a peer without a session: the credentials of its channel. */
    Optional<ClientCredentials> clientCredentialsFor(ChannelKind kind, IpAddress server) {
        for (ManagedChannel channel : candidates(kind, server)) {
            if (((IpAddress) channel.configuration().address()).remotePort() == server.remotePort()) {
                try {
                    return Optional.of(credentials.client(keysOf(channel)));
                } catch (KeystoreException e) {
                    LOG.info("channel {} keys not usable: {}", channel.id(), e.reason());
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    KeystoreCredentials credentials() {
        return credentials;
    }
}
