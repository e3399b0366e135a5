package org.assure.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every aSSURE component a configuration, as Kura would: the metatype defaults of its form, with the launch
 * options on top (data directory, identity, ports, bootstrap server). A configuration that exists already is left
 * alone, so edits made in the web console win over the launch options after the first start. The HTTP port and the
 * web console's credentials are launch options of the runtime itself and are applied at every start.
 */
final class ConfigurationSeeder {
    static final String KEYSTORE_PID = "org.assure.keystore";
    static final String IP_TRANSPORT_PID = "org.assure.channels.ip";
    static final String BOOTSTRAP_PID = "org.assure.bootstrap";
    static final String HTTP_PID = "org.apache.felix.http";
    static final String CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    /** Iterations of the web console's salted password hash (its own format, see {@link #consolePasswordHash}). */
    private static final int HASH_ITERATIONS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationSeeder.class);

    private ConfigurationSeeder() {
    }

    /** What the launch options set in the aSSURE components' configurations, by PID. */
    static Map<String, Map<String, Object>> overrides(RuntimeSettings settings, String passphrase) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        Map<String, Object> keystore = new LinkedHashMap<>();
        keystore.put("data.directory", settings.keystoreDirectory().toString());
        keystore.put("factory.identity.file", settings.identityFile().toString());
        keystore.put("factory.passphrase", passphrase);
        all.put(KEYSTORE_PID, keystore);
        Map<String, Object> ip = new LinkedHashMap<>();
        if (!settings.bind().isEmpty()) {
            ip.put("bind.address", settings.bind());
        }
        ip.put("management.port", settings.managementPort());
        ip.put("data.port", settings.dataPort());
        all.put(IP_TRANSPORT_PID, ip);
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        if (!settings.bootstrapHost().isEmpty()) {
            bootstrap.put("server.host", settings.bootstrapHost());
        }
        settings.bootstrapPort().ifPresent(port -> bootstrap.put("server.port", port));
        if (!settings.bind().isEmpty()) {
            bootstrap.put("bind.address", settings.bind());
        }
        all.put(BOOTSTRAP_PID, bootstrap);
        return all;
    }

    /** Felix HTTP: the port, and plain HTTP on (the bndrun keeps it off until this configuration arrives). */
    static Map<String, Object> http(RuntimeSettings settings) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("org.osgi.service.http.port", settings.httpPort());
        http.put("org.apache.felix.http.enable", true);
        http.put("org.apache.felix.https.enable", false);
        return http;
    }

    /** The web console's user and password; the password stored only as the console's salted SHA-256 hash. */
    static Map<String, Object> console(RuntimeSettings settings, SecureRandom random) {
        Map<String, Object> console = new LinkedHashMap<>();
        console.put("username", settings.consoleUser());
        console.put("password", consolePasswordHash(settings.consolePassword(), random));
        return console;
    }

    /**
     * The Felix Web Console's hashed password form {@code {sha-256}<salt hex>-<iterations>-<base64 hash>}, where the
     * hash is SHA-256 applied {@code iterations} times to UTF-8 of salt followed by password.
     */
    static String consolePasswordHash(String password, SecureRandom random) {
        byte[] saltBytes = new byte[8];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < HASH_ITERATIONS; i++) {
                digest.reset();
                hash = digest.digest(hash);
            }
            return "{sha-256}" + salt + "-" + HASH_ITERATIONS + "-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Seeds the aSSURE components (bundles named {@code org.assure.*} with metatype) that have no configuration yet
     * and applies the runtime's own configurations.
     *
     * @return the PIDs that were seeded now
     */
    static List<String> seed(ConfigurationAdmin admin, MetaTypeService metatype, Bundle[] bundles,
            RuntimeSettings settings, String passphrase, SecureRandom random) throws IOException {
        Map<String, Map<String, Object>> overrides = overrides(settings, passphrase);
        List<String> seeded = new ArrayList<>();
        for (Bundle bundle : bundles) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith("org.assure.")) {
                continue;
            }
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                Configuration configuration = admin.getConfiguration(pid, "?");
                if (configuration.getProperties() != null) {
                    continue;
                }
                Map<String, Object> properties = defaults(info.getObjectClassDefinition(pid, null));
                properties.putAll(overrides.getOrDefault(pid, Map.of()));
                configuration.update(new Hashtable<>(properties));
                seeded.add(pid);
            }
        }
        update(admin, HTTP_PID, http(settings));
        update(admin, CONSOLE_PID, console(settings, random));
        LOG.info("aSSURE configurations seeded: {}", seeded.isEmpty() ? "none (all exist)" : seeded);
        return seeded;
    }

    private static void update(ConfigurationAdmin admin, String pid, Map<String, Object> properties)
            throws IOException {
        Configuration configuration = admin.getConfiguration(pid, "?");
        configuration.update(new Hashtable<>(properties));
    }

    /** The form's defaults as typed configuration values; attributes without a default are left out. */
    static Map<String, Object> defaults(ObjectClassDefinition ocd) {
        Map<String, Object> values = new LinkedHashMap<>();
        AttributeDefinition[] attributes = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (attributes == null) {
            return values;
        }
        for (AttributeDefinition ad : attributes) {
            value(ad.getType(), ad.getCardinality(), ad.getDefaultValue()).ifPresent(v -> values.put(ad.getID(), v));
        }
        return values;
    }

    /** One attribute's default in the type its form declares: a scalar, or an array for a cardinality other than 0. */
    static Optional<Object> value(int type, int cardinality, String[] defaults) {
        if (defaults == null || type == AttributeDefinition.PASSWORD) {
            return Optional.empty();
        }
        if (cardinality == 0) {
            return defaults.length == 0 ? Optional.empty() : Optional.of(scalar(type, defaults[0]));
        }
        Object[] array = switch (type) {
            case AttributeDefinition.LONG -> new Long[defaults.length];
            case AttributeDefinition.INTEGER -> new Integer[defaults.length];
            case AttributeDefinition.SHORT -> new Short[defaults.length];
            case AttributeDefinition.BYTE -> new Byte[defaults.length];
            case AttributeDefinition.CHARACTER -> new Character[defaults.length];
            case AttributeDefinition.DOUBLE -> new Double[defaults.length];
            case AttributeDefinition.FLOAT -> new Float[defaults.length];
            case AttributeDefinition.BOOLEAN -> new Boolean[defaults.length];
            default -> new String[defaults.length];
        };
        for (int i = 0; i < defaults.length; i++) {
            array[i] = scalar(type, defaults[i]);
        }
        return Optional.of(array);
    }

    private static Object scalar(int type, String text) {
        String value = text.trim();
        return switch (type) {
            case AttributeDefinition.LONG -> Long.valueOf(value);
            case AttributeDefinition.INTEGER -> Integer.valueOf(value);
            case AttributeDefinition.SHORT -> Short.valueOf(value);
            case AttributeDefinition.BYTE -> Byte.valueOf(value);
            case AttributeDefinition.CHARACTER -> value.isEmpty() ? Character.valueOf(' ') : value.charAt(0);
            case AttributeDefinition.DOUBLE -> Double.valueOf(value);
            case AttributeDefinition.FLOAT -> Float.valueOf(value);
            case AttributeDefinition.BOOLEAN -> Boolean.valueOf(value);
            default -> text;
        };
    }
}
