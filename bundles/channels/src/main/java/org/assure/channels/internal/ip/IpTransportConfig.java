package org.assure.channels.internal.ip;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = IpTransportComponent.PID, name = "aSSURE IP transport",
        description = "UDP ports on which the gateway's secure channels run over IPv4 and IPv6.")
@interface IpTransportConfig {
    @AttributeDefinition(name = "Bind address", description = "Local address to listen on: :: for every IPv6 "
            + "and IPv4 address, 0.0.0.0 for IPv4 only, or one address of this gateway.")
    String bind_address() default "::";

    @AttributeDefinition(name = "Management port", description = "UDP port of the secure management channels "
            + "(Device Management API); 0 picks a free port.", min = "0", max = "65535")
    int management_port() default 5684;

    @AttributeDefinition(name = "Data port", description = "UDP port of the secure data channels; 0 picks a "
            + "free port.", min = "0", max = "65535")
    int data_port() default 5685;

    @AttributeDefinition(name = "Link MTU", description = "Largest IP packet on the link, in bytes; limits the "
            + "size of DTLS records.", min = "576", max = "65535")
    int mtu() default 1500;
}
