package org.assure.distribution.kura;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

import org.eclipse.osgi.report.resolution.ResolutionReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Resource;

/**
 * An Equinox framework (the framework Kura runs) whose system bundle plays a Kura gateway: it exports exactly the
 * JRE's and Kura's packages and provides Kura's capabilities, all read from {@link KuraPlatform}'s data files. Bundles
 * of a deployment package are installed from the .dp in package order, as Deployment Admin does, and resolved by the
 * framework's own resolver, which also enforces {@code uses} constraints (a class space where one bundle sees two
 * different {@code org.slf4j} packages is refused), something {@link ResolutionCheck}'s provider check cannot see.
 * Nothing is started: resolution is the question here.
 */
final class KuraFramework implements AutoCloseable {

    private final Framework framework;
    private final ServiceRegistration<ResolverHookFactory> hook;
    /** The resolver's reports of the resolveBundles call in progress (one per resolve attempt). */
    private final List<ResolutionReport> reports = new ArrayList<>();

    private KuraFramework(Framework framework) {
        this.framework = framework;
        this.hook = framework.getBundleContext().registerService(ResolverHookFactory.class, triggers -> new Hook(), null);
    }

    /** Starts a framework playing {@code platform}, keeping its cache under {@code storage}. */
    static KuraFramework start(KuraPlatform platform, Path storage) throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the JRE's packages replace Equinox's own list (derived from the test JVM), Kura's packages come on top
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES, String.join(",", platform.lines("jre")));
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", platform.lines("package").stream()
                .map(line -> {
                    String[] p = line.split("\\s+");
                    return p[0] + ";version=" + p[1];
                }).toList()));
        // execution environments and the DS extender: exactly what the data file says Kura provides
        config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES, String.join(",", platform.lines("capability")));
        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"))
                .newFramework(config);
        framework.start();
        return new KuraFramework(framework);
    }

    /** Installs the bundles of {@code dp} in package order (not started), as Deployment Admin does. */
    List<Bundle> install(DeploymentPackage dp) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(dp.file()), false)) {
            JarEntry entry;
            while ((entry = in.getNextJarEntry()) != null) {
                byte[] content = in.readAllBytes();
                Attributes section = in.getManifest().getAttributes(entry.getName());
                if (entry.isDirectory() || section == null || section.getValue(DeploymentPackage.BSN) == null) {
                    continue;
                }
                // Deployment Admin's location form: osgi-dp:<bsn>
                String location = "osgi-dp:" + section.getValue(DeploymentPackage.BSN);
                installed.add(framework.getBundleContext().installBundle(location, new ByteArrayInputStream(content)));
            }
        }
        return installed;
    }

    /**
     * Resolves {@code bundles} (and whatever they need) and returns one line per bundle of them left unresolved:
     * {@code <bsn> <version>: <the resolver's reason>}. Empty when all resolve.
     */
    List<String> resolve(Collection<Bundle> bundles) {
        synchronized (reports) {
            reports.clear();
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if ((bundle.getState() & Bundle.INSTALLED) != 0) {
                failures.add(bundle.getSymbolicName() + " " + bundle.getVersion() + ": " + reason(bundle));
            }
        }
        return failures;
    }

    /** The installed bundle with that symbolic name (the first, if several versions are installed). */
    Bundle bundle(String symbolicName) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " installed");
    }

    /**
     * Who a resolved bundle gets {@code pkg} from: {@code "<exporter bsn> <package version>"}; the system bundle
     * ({@code org.eclipse.osgi}) stands for Kura.
     */
    String packageSource(Bundle bundle, String pkg) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new AssertionError(bundle.getSymbolicName() + " is not resolved");
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            BundleCapability cap = wire.getCapability();
            if (pkg.equals(cap.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return cap.getRevision().getSymbolicName() + " "
                        + cap.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
            }
        }
        throw new AssertionError(bundle.getSymbolicName() + " imports no " + pkg);
    }

    private String reason(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<ResolutionReport> seen;
        synchronized (reports) {
            seen = new ArrayList<>(reports);
        }
        // the last attempt that says something about this bundle is the resolver's final word on it
        for (int i = seen.size() - 1; i >= 0; i--) {
            Map<Resource, List<ResolutionReport.Entry>> entries = seen.get(i).getEntries();
            if (entries.containsKey(revision)) {
                return seen.get(i).getResolutionReportMessage(revision).strip().replaceAll("\\s*\\R\\s*", " | ");
            }
        }
        return "unresolved, the resolver gave no reason";
    }

    @Override
    public void close() throws BundleException {
        hook.unregister();
        framework.stop();
        try {
            FrameworkEvent stopped = framework.waitForStop(30_000);
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new IllegalStateException("the framework did not stop in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the framework stopped", e);
        }
    }

    /** A resolver hook that changes nothing and keeps Equinox's report of each resolve attempt. */
    private final class Hook implements ResolverHook, ResolutionReport.Listener {
        @Override
        public void filterResolvable(Collection<BundleRevision> candidates) {
            // every bundle may resolve
        }

        @Override
        public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
            // the framework's own singleton rule applies
        }

        @Override
        public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            // every match stays a candidate
        }

        @Override
        public void end() {
            // nothing to release
        }

        @Override
        public void handleResolutionReport(ResolutionReport report) {
            synchronized (reports) {
                reports.add(report);
            }
        }
    }
}
