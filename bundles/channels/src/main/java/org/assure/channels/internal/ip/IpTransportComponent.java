package org.assure.channels.internal.ip;

import java.io.IOException;
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

/**
 * The IP transport (draft §12, PROFILE §7) as a {@link ChannelTransport} service: management channels on UDP 5684,
 * data channels on 5685, both configurable; IPv4 and IPv6 (the default bind address {@code ::} takes both). The
 * sockets are the DTLS bundle's {@link UdpTransport}; this component only configures and publishes it.
 */
@Component(name = IpTransportComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {ChannelTransport.class, ConfigurableComponent.class},
        property = {"service.pid=" + IpTransportComponent.PID, "kura.service.pid=" + IpTransportComponent.PID})
@Designate(ocd = IpTransportConfig.class)
public final class IpTransportComponent implements ChannelTransport, ConfigurableComponent {
    /** Component name = configuration PID = OCD id (Kura's rule). */
    public static final String PID = "org.assure.channels.ip";

    private final UdpTransport udp;

    @Activate
    public IpTransportComponent(IpTransportConfig config) throws UnknownHostException {
        InetAddress bind = InetAddress.getByName(literal(config.bind_address()));
        udp = new UdpTransport(bind, config.management_port(), config.data_port(), config.mtu());
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
        return udp.bind(kind, receiver);
    }
}
