package org.assure.channels.internal;

import org.assure.channels.internal.system.SystemAction;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = ChannelServiceComponent.PID, name = "aSSURE channels",
        description = "Secure channels to management systems and peer gateways, and the Device Management API "
                + "served over them.")
@interface ChannelServiceConfig {
    @AttributeDefinition(name = "Maximum channels", description = "How many channels the gateway holds; a "
            + "management system asking for more gets 4.13.", min = "1", max = "1024")
    int max_channels() default 64;

    @AttributeDefinition(name = "First retry delay (seconds)", description = "Wait after a channel failed to "
            + "open before trying again; doubles after each further failure.", min = "1", max = "3600")
    int retry_initial_seconds() default 2;

    @AttributeDefinition(name = "Longest retry delay (seconds)", description = "Upper bound of the wait "
            + "between two attempts to open a channel.", min = "1", max = "86400")
    int retry_max_seconds() default 300;

    @AttributeDefinition(name = "Attempts before giving up", description = "Failed attempts after which the "
            + "gateway stops trying to open a channel until asked again; 0 keeps trying.", min = "0")
    int retry_max_attempts() default 0;

    @AttributeDefinition(name = "Ping echo limit (bytes)", description = "The most payload bytes GET /v1/ping "
            + "echoes.", min = "1", max = "65535")
    int ping_max_bytes() default 512;

    @AttributeDefinition(name = "Handshake timeout (seconds)", description = "How long a DTLS handshake may "
            + "take before the channel counts as failed (state 10).", min = "1", max = "600")
    int handshake_timeout_seconds() default 30;

    @AttributeDefinition(name = "First retransmission (ms)", description = "DTLS handshake retransmission "
            + "timer; it doubles on each retransmission.", min = "100", max = "60000")
    int retransmission_initial_ms() default 1000;

    @AttributeDefinition(name = "Reboot action", description = "What PUT /v1/reboot does after saying goodbye.",
            options = {@Option(label = "Restart the aSSURE services", value = "SERVICES"),
                @Option(label = "Run the host reboot command", value = "HOST_COMMAND")})
    SystemAction reboot_action() default SystemAction.SERVICES;

    @AttributeDefinition(name = "Host reboot command", description = "Command line run when the reboot action "
            + "is the host command (split on spaces, no shell).")
    String reboot_command() default "systemctl reboot";

    @AttributeDefinition(name = "Shutdown action", description = "What PUT /v1/shutdown does after saying "
            + "goodbye.", options = {@Option(label = "Stop the aSSURE services", value = "SERVICES"),
                @Option(label = "Run the host shutdown command", value = "HOST_COMMAND")})
    SystemAction shutdown_action() default SystemAction.SERVICES;

    @AttributeDefinition(name = "Host shutdown command", description = "Command line run when the shutdown "
            + "action is the host command (split on spaces, no shell).")
    String shutdown_command() default "systemctl poweroff";

    @AttributeDefinition(name = "Goodbye timeout (seconds)", description = "How long to wait for the goodbye "
            + "messages before rebooting or shutting down.", min = "0", max = "60")
    int goodbye_timeout_seconds() default 5;

    @AttributeDefinition(name = "MAC address", description = "Reported by GET /v1/info; hex digits without "
            + "separators, empty if unknown.", required = false)
    String device_mac_address() default "";

    @AttributeDefinition(name = "Manufacturer", description = "Reported by GET /v1/info.", required = false)
    String device_manufacturer() default "";

    @AttributeDefinition(name = "Product code", description = "Reported by GET /v1/info.", required = false)
    String device_product_code() default "";

    @AttributeDefinition(name = "Serial number", description = "Reported by GET /v1/info.", required = false)
    String device_serial_number() default "";

    @AttributeDefinition(name = "Build date", description = "Reported by GET /v1/info.", required = false)
    String device_build_date() default "";
}
