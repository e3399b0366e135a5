package org.assure.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Dictionary;
import java.util.Enumeration;
import org.apache.felix.cm.PersistenceManager;
import org.apache.felix.cm.file.FilePersistenceManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps the configuration admin's configurations in {@code <assure.home>/config} instead of the framework's cache
 * (which the launcher starts afresh each time), so that edits made in the web console survive restarts. Felix
 * ConfigAdmin waits for this persistence manager because the runtime names it in {@code felix.cm.pm}. The
 * directory is owner-only: the keystore's configuration holds the factory passphrase.
 */
@Component(service = PersistenceManager.class, property = PersistenceManager.PROPERTY_NAME + "="
        + ConfigurationStore.NAME)
public final class ConfigurationStore implements PersistenceManager {
    /** The value of {@code felix.cm.pm} in the gateway's bndrun. */
    static final String NAME = "assure-gateway";

    private final FilePersistenceManager files;

    @Activate
    public ConfigurationStore(BundleContext context) throws IOException {
        this(context, RuntimeSettings.home(key -> property(context, key), Path.of("")).resolve("config"));
    }

    ConfigurationStore(BundleContext context, Path directory) throws IOException {
        try {
            ownerOnlyDirectory(directory.getParent());
            ownerOnlyDirectory(directory);
        } catch (IOException e) {
            // nothing can be configured without it: the gateway cannot start
            StartupReport.failed("cannot create the configuration directory " + directory);
            throw e;
        }
        files = new FilePersistenceManager(context, directory.toString());
    }

    static String property(BundleContext context, String key) {
        String value = context == null ? null : context.getProperty(key);
        return value != null ? value : System.getProperty(key);
    }

    static void ownerOnlyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's default access rules apply
        }
    }

    @Override
    public boolean exists(String pid) {
        return files.exists(pid);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Dictionary load(String pid) throws IOException {
        return files.load(pid);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Enumeration getDictionaries() throws IOException {
        return files.getDictionaries();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void store(String pid, Dictionary properties) throws IOException {
        files.store(pid, properties);
    }

    @Override
    public void delete(String pid) throws IOException {
        files.delete(pid);
    }
}
