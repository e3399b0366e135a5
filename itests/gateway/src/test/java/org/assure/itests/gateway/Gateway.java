package org.assure.itests.gateway;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assure.bootstrap.internal.BootstrapComponent;
import org.assure.bootstrap.internal.GatewayBootstrap;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagedChannel;
import org.assure.channels.internal.ChannelServiceComponent;
import org.assure.channels.internal.GatewayChannels;
import org.assure.channels.internal.ip.GatewayTransports;
import org.assure.core.model.IpAddress;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.GatewayKeystores;
import org.assure.keystore.internal.KeystoreComponent;

/**
 * One real aSSURE gateway in this JVM: the keystore component opened from a factory identity file, the channel
 * component with the IP transport bound to {@code address}, and the bootstrap client pointed at the Trusted
 * Authority's Bootstrap API — wired as SCR wires their DS components (see the helpers in their packages).
 */
public final class Gateway implements AutoCloseable {
    private final Path dir;
    private final String address;
    private final int dataPort;
    private final Path identityFile;
    private final String passphrase;
    private final InetSocketAddress bootstrapServer;
    /** Reboot/stop requests the Device Management API made (a framework refresh in OSGi). */
    public final List<String> systemRequests = new CopyOnWriteArrayList<>();
    private KeystoreComponent keystore;
    private ChannelServiceComponent channels;
    private BootstrapComponent bootstrap;

    /**
     * @param address    loopback address of its own (127.0.0.x), so that every gateway can take data channels on
     *                   the same port as PROFILE §7 has it
     * @param dataPort   the UDP port of its data channels; management channels on any free port
     */
    public Gateway(Path dir, String address, int dataPort, Path identityFile, String passphrase,
            InetSocketAddress bootstrapServer) {
        this.dir = dir;
        this.address = address;
        this.dataPort = dataPort;
        this.identityFile = identityFile;
        this.passphrase = passphrase;
        this.bootstrapServer = bootstrapServer;
    }

    /** Activates the three components in the order SCR would satisfy them; the first bootstrap starts at once. */
    public Gateway start() throws Exception {
        keystore = GatewayKeystores.open(dir.resolve("keystore"), identityFile, passphrase);
        channels = GatewayChannels.start(keystore, () -> systemRequests.add("restart"),
                () -> systemRequests.add("stop"));
        GatewayChannels.bind(channels, GatewayTransports.ip(address, 0, dataPort));
        bootstrap = GatewayBootstrap.start(keystore, channels, channels, bootstrapServer.getHostString(),
                bootstrapServer.getPort());
        GatewayChannels.bindBootstrap(channels, bootstrap);
        return this;
    }

    public UUID id() {
        return keystore.deviceId();
    }

    public Keystore keystore() {
        return keystore;
    }

    public ChannelManager channels() {
        return channels;
    }

    public BootstrapComponent bootstrap() {
        return bootstrap;
    }

    public String address() {
        return address;
    }

    /** The data channel (no privileges) this gateway holds towards {@code peer}'s data port, if any. */
    public Optional<ManagedChannel> dataChannelTo(Gateway peer) {
        return channels.channels().stream()
                .filter(c -> !c.configuration().flags().channelManagement() && !c.configuration().flags().systemManagement()
                        && !c.configuration().flags().keyManagement())
                .filter(c -> c.configuration().address() instanceof IpAddress ip
                        && ip.inetAddress().getHostAddress().equals(peer.address) && ip.remotePort() == peer.dataPort)
                .findFirst();
    }

    /** What a failed wait should say: the bootstrap client's status and every channel's state. */
    public String describe() {
        return "bootstrap " + bootstrap.status() + ", channels " + channels.channels().stream()
                .map(c -> c.id() + " " + c.state() + " " + c.configuration().address()).toList();
    }

    @Override
    public void close() {
        if (bootstrap != null) {
            GatewayBootstrap.stop(bootstrap);
        }
        if (channels != null) {
            GatewayChannels.stop(channels);
        }
        if (keystore != null) {
            GatewayKeystores.close(keystore);
        }
    }
}
