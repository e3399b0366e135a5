package org.assure.channels.internal.ip;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.assure.core.model.AddressType;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.core.transport.DatagramReceiver;
import org.assure.core.transport.TransportEndpoint;
import org.assure.dtls.UdpTransport;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IP transport (draft §12, PROFILE §7) as a {@link ChannelTransport} service: management channels on UDP 5684,
 * data channels on 5685, both configurable; IPv4 and IPv6 (the default bind address {@code ::} takes both). The
 * sockets are the DTLS bundle's {@link UdpTransport}; this component only configures and publishes it.
 */
@Component(name = IpTransportComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ChannelTransport.class, ConfigurableComponent.class},
        property = {"service.pid=" + IpTransportComponent.PID, "kura.service.pid=" + IpTransportComponent.PID})
@Designate(ocd = IpTransportConfig.class)
public final class IpTransportComponent implements ChannelTransport, ConfigurableComponent {
    /** Component name = configuration PID = OCD id (Kura's rule). */
    public static final String PID = "org.assure.channels.ip";

    private static final Logger LOG = LoggerFactory.getLogger(IpTransportComponent.class);

    private final UdpTransport udp;
    /** IPv4-only sockets, for {@code ::} on a host whose IPv6 is switched off. */
    private final UdpTransport ipv4Fallback;

    @Activate
    public IpTransportComponent(IpTransportConfig config) throws UnknownHostException {
        InetAddress bind = InetAddress.getByName(literal(config.bind_address()));
        udp = new UdpTransport(bind, config.management_port(), config.data_port(), config.mtu());
        ipv4Fallback = bind instanceof Inet6Address && bind.isAnyLocalAddress()
                ? new UdpTransport(InetAddress.getByName("0.0.0.0"), config.management_port(), config.data_port(),
                        config.mtu())
                : null;
    }

    /** Only address literals: a host name would make activation depend on DNS. */
    private static String literal(String address) throws UnknownHostException {
        String trimmed = address == null ? "" : address.trim();
        if (!trimmed.matches("[0-9a-fA-F:.%]+")) {
            throw new UnknownHostException("bind_address must be an IP address literal");
        }
        return trimmed;
    }

    @Override
    public AddressType addressType() {
        return udp.addressType();
    }

    @Override
    public String name() {
        return udp.name();
    }

    @Override
    public TransportEndpoint bind(ChannelKind kind, DatagramReceiver receiver) throws IOException {
        try {
            return udp.bind(kind, receiver);
        } catch (IOException | UnsupportedOperationException e) {
            if (ipv4Fallback == null) {
                throw e;
            }
            LOG.warn("cannot listen on IPv6 ({}); {} channels use IPv4 only", e.getClass().getSimpleName(), kind);
            return ipv4Fallback.bind(kind, receiver);
        }
    }
}
