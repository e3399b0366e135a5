package org.assure.itests.osgi;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A second gateway: its own Equinox, launched from the test through {@link FrameworkFactory} with its own storage,
 * with the same bundles as the test's framework (less the authority's), SCR, ConfigAdmin and Metatype. Its
 * components are configured through its own ConfigurationAdmin. Its classes are not the test framework's classes
 * (another class space), so the test reaches its ConfigurationAdmin by reflection through the OSGi API types it
 * loads there.
 */
final class SecondGateway implements Closeable {
    static final String BUNDLES_PROPERTY = "assure.itests.gateway.bundles";
    private final Framework framework;

    private SecondGateway(Framework framework) {
        this.framework = framework;
    }

    static SecondGateway start(Path storage, Path log) throws Exception {
        // the framework implementation the test framework runs on, from its system bundle
        FrameworkFactory factory = (FrameworkFactory) Osgi.context().getBundle(0)
                .loadClass("org.eclipse.osgi.launch.EquinoxFactory").getConstructor().newInstance();
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = factory.newFramework(properties);
        framework.init();
        // its SLF4J provider reads the log file name when it starts (the test framework's has read its own)
        System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String location : System.getProperty(BUNDLES_PROPERTY).split(",")) {
            bundles.add(context.installBundle(location));
        }
        framework.start();
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                framework.stop();
                throw new BundleException("second gateway: " + bundle.getSymbolicName() + " did not start");
            }
        }
        return new SecondGateway(framework);
    }

    /** Creates or replaces the configuration of {@code pid} in this gateway's ConfigurationAdmin. */
    void configure(String pid, Map<String, Object> properties) throws Exception {
        BundleContext context = framework.getBundleContext();
        ServiceReference<?> ref = null;
        long end = System.nanoTime() + Osgi.TIMEOUT.toNanos();
        // all references: the system bundle of this framework sees other ConfigurationAdmin classes on the class path
        ServiceReference<?>[] found;
        while ((found = context.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null)) == null) {
            if (System.nanoTime() > end) {
                StringBuilder seen = new StringBuilder();
                ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
                for (ServiceReference<?> r : all == null ? new ServiceReference<?>[0] : all) {
                    seen.append(java.util.Arrays.toString((String[]) r.getProperty("objectClass"))).append(' ');
                }
                for (Bundle b : context.getBundles()) {
                    seen.append('\n').append(b.getSymbolicName()).append(' ').append(b.getState());
                }
                throw new AssertionError("second gateway: no ConfigurationAdmin; services " + seen);
            }
            Osgi.sleep(50);
        }
        ref = found[0];
        Object admin = context.getService(ref);
        Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configurationType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                .invoke(admin, pid, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        configurationType.getMethod("update", Dictionary.class).invoke(configuration, dictionary);
    }

    /** Whether the component {@code name} has a service registered in this gateway (it is active). */
    boolean hasService(String objectClass, String filter) throws Exception {
        return framework.getBundleContext().getAllServiceReferences(objectClass, filter) != null;
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(20_000);
        } catch (BundleException | InterruptedException e) {
            throw new IllegalStateException("second gateway did not stop", e);
        }
    }
}
