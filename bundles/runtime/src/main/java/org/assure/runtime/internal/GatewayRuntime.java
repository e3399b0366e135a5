package org.assure.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the standalone gateway once the configuration admin is up: reads the launch options, checks the factory
 * identity and passphrase files, seeds the configurations, then watches until the gateway is ready (READY line) or
 * cannot start (FAILED line, exit 1). Installs the shutdown hook that makes SIGTERM say goodbye and stop the
 * framework cleanly.
 */
@Component(immediate = true, service = {})
public final class GatewayRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

    private final ReadinessWatch watch;
    private final CleanStop stop;
    private SeedingEvents delivered;

    @Activate
    public GatewayRuntime(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference MetaTypeService metatype, @Reference ServiceComponentRuntime scr) {
        stop = CleanStop.install(context);
        RuntimeSettings settings;
        try {
            settings = RuntimeSettings.from(key -> ConfigurationStore.property(context, key), Path.of(""));
        } catch (IllegalArgumentException e) {
            StartupReport.failed(e.getMessage());
            watch = null;
            return;
        }
        LOG.info("aSSURE standalone gateway: {}", settings);
        // registered before seeding so that no event of the seeding can be missed
        delivered = SeedingEvents.register(context, ConfigurationSeeder.CONSOLE_PID);
        try {
            seed(context, admin, metatype, settings);
        } catch (StartupException e) {
            StartupReport.failed(e.getMessage());
            watch = null;
            return;
        }
        watch = ReadinessWatch.start(context, scr, admin, settings, delivered::lastDelivered);
    }

    private static void seed(BundleContext context, ConfigurationAdmin admin, MetaTypeService metatype,
            RuntimeSettings settings) throws StartupException {
        if (!Files.isReadable(settings.identityFile())) {
            throw new StartupException("no readable factory identity file at " + settings.identityFile()
                    + " (assure.identity)");
        }
        char[] passphrase = passphrase(settings.passphraseFile());
        try {
            ConfigurationSeeder.seed(admin, metatype, context.getBundles(), settings, new String(passphrase),
                    new SecureRandom());
        } catch (IOException | RuntimeException e) {
            LOG.error("Seeding the configurations failed", e);
            throw new StartupException("cannot store the configurations in " + settings.configurationDirectory());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The first line of the passphrase file; its content is never logged or echoed. */
    static char[] passphrase(Path file) throws StartupException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StartupException("no readable passphrase file at " + file + " (assure.passphrase.file)");
        }
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new StartupException("the passphrase file " + file + " is empty");
            }
            return line.toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Deactivate
    void deactivate() {
        if (watch != null) {
            watch.close();
        }
        if (delivered != null) {
            delivered.close();
        }
        stop.uninstall();
    }

    /** A reason the gateway cannot start, fit for the FAILED line (names files and properties, never values). */
    static final class StartupException extends Exception {
        private static final long serialVersionUID = 1L;

        StartupException(String message) {
            super(message);
        }
    }
}
