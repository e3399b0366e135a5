package org.assure.bootstrap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = BootstrapComponent.PID, name = "aSSURE bootstrap client",
        description = "Fetches this gateway's bootstrap image from its bootstrap server and applies it; announces the "
                + "gateway to its management systems (presence, goodbye) and takes trusted time from them.")
@interface BootstrapConfig {
    @AttributeDefinition(name = "Bootstrap automatically", description = "Bootstrap when the gateway starts without "
            + "any management channel. A bootstrap asked for by a management system or locally always runs.")
    boolean auto_bootstrap() default true;

    @AttributeDefinition(name = "Bootstrap server host", description = "Host name or address of the bootstrap "
            + "server. Empty: the bootstrap server id from the factory identity followed by the domain suffix below.",
            required = false)
    String server_host() default "";

    @AttributeDefinition(name = "Bootstrap server domain suffix", description = "Used when no host is set: the "
            + "server is <bootstrap server id>.<suffix>.")
    String server_domain_suffix() default "bootstrap.assure.invalid";

    @AttributeDefinition(name = "Bootstrap server port", description = "UDP port of the bootstrap server (CoAP over "
            + "DTLS).", min = "1", max = "65535")
    int server_port() default 5684;

    @AttributeDefinition(name = "Local address", description = "Local address to send from; empty for any.",
            required = false)
    String bind_address() default "";

    @AttributeDefinition(name = "Answer timeout (seconds)", description = "How long one attempt waits for the "
            + "bootstrap image, DTLS handshake included.", min = "1", max = "600")
    int request_timeout_seconds() default 60;

    @AttributeDefinition(name = "Handshake timeout (seconds)", description = "How long the DTLS handshake with the "
            + "bootstrap server may take.", min = "2", max = "600")
    int handshake_timeout_seconds() default 30;

    @AttributeDefinition(name = "First retry delay (seconds)", description = "Wait after a failed attempt; doubles "
            + "after each further failure.", min = "1", max = "86400")
    int retry_initial_seconds() default 10;

    @AttributeDefinition(name = "Longest retry delay (seconds)", description = "Upper bound of the wait between "
            + "two attempts.", min = "1", max = "86400")
    int retry_max_seconds() default 3600;

    @AttributeDefinition(name = "Retry jitter (percent)", description = "Each wait is shortened by a random part "
            + "of up to this share, so that many gateways failing together do not retry together.", min = "0",
            max = "100")
    int retry_jitter_percent() default 25;

    @AttributeDefinition(name = "Goodbye timeout (seconds)", description = "How long to wait for management "
            + "systems to acknowledge goodbye before a bootstrap goes ahead.", min = "0", max = "60")
    int goodbye_timeout_seconds() default 5;
}
