package org.assure.authority.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The management server's configuration form (Kura: OCD id = PID = component name). */
@ObjectClassDefinition(id = ManagementServerComponent.PID, name = "aSSURE management server",
        description = "Management server (draft §11) for the devices behind this gateway: registers with its "
                + "Trusted Authority as a management system, serves the Registration API over HTTPS and the "
                + "Presence API over CoAP/DTLS, builds bootstrap images and issues data channels.")
@interface ManagementServerComponentConfig {
    @AttributeDefinition(name = "Data directory",
            description = "Directory of the management server's own H2 database (file 'management') and of the "
                    + "master key that seals its private keys (file 'management.key'). The default is the Trusted "
                    + "Authority component's directory; the two never share a database or a key.")
    String data_directory() default "assure-authority";

    @AttributeDefinition(name = "Registration API address",
            description = "Local address the Registration API (HTTPS, draft §11.2) listens on; 0.0.0.0 for every "
                    + "interface.")
    String registration_address() default "127.0.0.1";

    @AttributeDefinition(name = "Registration API port", min = "0", max = "65535",
            description = "TCP port of the Registration API (HTTPS); 0 picks any free port.")
    int registration_port() default 8444;

    @AttributeDefinition(name = "Presence address",
            description = "Address of the Presence API (CoAP over DTLS, draft §11.3). Devices' management channels "
                    + "name it, so it must be the address devices reach, not a wildcard.")
    String presence_address() default "127.0.0.1";

    @AttributeDefinition(name = "Presence port", min = "1", max = "65535",
            description = "UDP port of the Presence API; devices' management channels name it.")
    int presence_port() default 5784;

    @AttributeDefinition(name = "Devices' data port", min = "0", max = "65535",
            description = "UDP port the devices take data channels on; 0: each device's management port + 1 (5684 "
                    + "and 5685 by default). Data channels this server issues name the peer's address and this port.")
    int device_data_port() default 0;

    @AttributeDefinition(name = "Installer user",
            description = "User name installers log in to the Registration API with (HTTP Basic), without ':'.")
    String installer_user() default "installer";

    @AttributeDefinition(name = "Installer password", type = AttributeType.PASSWORD,
            description = "Password of the installer user, at least 8 characters. The server does not start "
                    + "without it.")
    String installer_password();

    @AttributeDefinition(name = "Trusted Authority URL", required = false,
            description = "HTTPS URL of the Trusted Authority's Owner API. Empty: the Trusted Authority component "
                    + "running on this gateway.")
    String trusted_authority_url() default "";

    @AttributeDefinition(name = "Trusted Authority CA certificate", required = false,
            description = "PEM CA certificate of the Trusted Authority (it signs its HTTPS certificate). Empty: the "
                    + "CA of the Trusted Authority component running on this gateway.")
    String trusted_authority_ca() default "";

    @AttributeDefinition(name = "Certificate subject",
            description = "X.500 subject of the certificate request this management system registers with.")
    String subject() default "CN=aSSURE management system";

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "jdbc:postgresql:... to keep the management server's data in PostgreSQL; empty: the "
                    + "embedded H2 database in the data directory.")
    String jdbc_url() default "";

    @AttributeDefinition(name = "JDBC user", required = false, description = "Database user (PostgreSQL).")
    String jdbc_user() default "";

    @AttributeDefinition(name = "JDBC password", type = AttributeType.PASSWORD, required = false,
            description = "Database password (PostgreSQL).")
    String jdbc_password();
}
