package org.assure.authority.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = TrustedAuthorityComponent.PID, name = "aSSURE Trusted Authority",
        description = "Trusted Authority (draft §9) for the devices behind this gateway: Manufacturer and Owner APIs "
                + "over HTTPS, Bootstrap API over CoAP/DTLS.")
@interface TrustedAuthorityComponentConfig {
    @AttributeDefinition(name = "Data directory", description = "H2 database and master key file")
    String dataDirectory() default "assure-authority";

    @AttributeDefinition(name = "HTTPS port", description = "Port of the Manufacturer and Owner APIs (HTTPS)",
            min = "0", max = "65535")
    int httpsPort() default 8443;

    @AttributeDefinition(name = "Bootstrap CoAP/DTLS port", description = "Port of the Bootstrap API (CoAP over DTLS)",
            min = "0", max = "65535")
    int bootstrapPort() default 5684;

    @AttributeDefinition(name = "Bind address", description = "Local address both APIs listen on")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "TLS host names", description = "DNS names or IP literals in the HTTPS certificate",
            cardinality = 10)
    String[] tlsHosts() default {"localhost", "127.0.0.1"};

    @AttributeDefinition(name = "JDBC URL", description = "Empty: the embedded H2 database in the data directory",
            required = false)
    String jdbcUrl() default "";

    @AttributeDefinition(name = "JDBC user", description = "Database user (PostgreSQL)", required = false)
    String jdbcUser() default "";

    @AttributeDefinition(name = "JDBC password", description = "Database password (PostgreSQL)",
            type = AttributeType.PASSWORD, required = false)
    String jdbcPassword();

    @AttributeDefinition(name = "Manufacturer certificates", description = "PEM client certificates the "
            + "Manufacturer API accepts", required = false, cardinality = 10)
    String[] manufacturerCertificates() default {""};
}
