package org.assure.keystore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The keystore's configuration form (Kura: OCD id = PID = component name). */
@ObjectClassDefinition(id = KeystoreComponent.PID, name = "aSSURE keystore",
        description = "The device's aSSURE keys: the identity installed at manufacture, keys imported from the "
                + "management system and keys the device generated. Private keys are stored encrypted.")
@interface KeystoreConfig {
    @AttributeDefinition(name = "Data directory",
            description = "Directory where the keystore keeps its encrypted store and its at-rest key file. It is "
                    + "created with owner-only permissions. A relative path is resolved against the working "
                    + "directory of the framework. Pointing it elsewhere starts from an empty store (the old files stay).")
    String data_directory() default "assure/keystore";

    @AttributeDefinition(name = "Factory identity file",
            description = "Path of the factory identity file written at manufacture: device UUID, device key or "
                    + "device secret, Trusted Authority key and bootstrap server id (see docs/factory-identity.md). "
                    + "The keystore does not start without it.")
    String factory_identity_file() default "assure/factory-identity.properties";

    @AttributeDefinition(name = "Factory passphrase", type = AttributeType.PASSWORD,
            description = "Passphrase that decrypts the secrets in the factory identity file, as given by the "
                    + "manufacturer.")
    String factory_passphrase();

    @AttributeDefinition(name = "Capacity (keys)", min = "1", max = "1024",
            description = "Most keys the device accepts besides its factory identity (imported and generated "
                    + "together). When full, new keys are refused with 4.13 Request Entity Too Large.")
    int capacity() default 64;

    @AttributeDefinition(name = "Writer wait (ms)", min = "100", max = "600000",
            description = "How long a key change waits while a bootstrap is being applied before it is refused "
                    + "with 5.03 Service Unavailable.")
    int writer_wait_ms() default 10000;
}
