package org.assure.distribution.kura;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.Domain;
import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.osgi.resource.ResourceUtils;

/**
 * Whether the bundles of a deployment package resolve on a Kura gateway: every requirement that the framework
 * resolves (each Import-Package, Require-Bundle, Fragment-Host and Require-Capability that is not optional and
 * not {@code effective:=active}) must be met by what Kura provides, by a bundle of the same package, or by a
 * bundle of a package that must be installed before it. Also: the package carries nothing Kura provides, and
 * every third-party bundle is there because a bundle of the package needs something from it that Kura lacks.
 */
final class ResolutionCheck {

    private final KuraPlatform platform;
    private final DeploymentPackage dp;
    private final List<DeploymentPackage> installedBefore;
    /**
     * Resources by bundle identity (symbolic name and version: one bundle in OSGi's eyes), shared by every check:
     * parsing BouncyCastle's manifest into capabilities is the slow part, and the tests check the same bundles in
     * many packages.
     */
    private static final Map<String, Resource> RESOURCES = new ConcurrentHashMap<>();

    ResolutionCheck(KuraPlatform platform, DeploymentPackage dp, List<DeploymentPackage> installedBefore) {
        this.platform = platform;
        this.dp = dp;
        this.installedBefore = List.copyOf(installedBefore);
    }

    /** One line per requirement that nothing meets: {@code <bsn>: <namespace> <filter>}. */
    List<String> unresolved() {
        List<Capability> available = new ArrayList<>(platform.capabilities());
        for (DeploymentPackage before : installedBefore) {
            before.bundles().forEach(b -> available.addAll(resource(b).getCapabilities(null)));
        }
        dp.bundles().forEach(b -> available.addAll(resource(b).getCapabilities(null)));
        List<String> missing = new ArrayList<>();
        for (DeploymentPackage.Bundle bundle : dp.bundles()) {
            for (Requirement req : resource(bundle).getRequirements(null)) {
                if (!resolvedByFramework(req) || isOptional(req)) {
                    continue;
                }
                if (available.stream().noneMatch(cap -> ResourceUtils.matches(req, cap))) {
                    missing.add(bundle.symbolicName() + ": " + describe(req));
                }
            }
        }
        return missing;
    }

    /** Bundles in the package that Kura installs itself (Kura's API, its SLF4J, SCR, ...). */
    List<String> providedByKura() {
        List<String> clashes = new ArrayList<>();
        for (DeploymentPackage.Bundle bundle : dp.bundles()) {
            for (KuraPlatform.ProvidedBundle provided : platform.bundles()) {
                if (provided.covers(bundle.symbolicName(), bundle.version())) {
                    clashes.add(bundle.symbolicName() + " " + bundle.version() + " is provided by Kura");
                }
            }
        }
        return clashes;
    }

    /**
     * Third-party bundles (not {@code org.assure.*}) that no other bundle of the package needs: needed means some
     * requirement of another bundle here (optional ones included) is met by one of its capabilities and by
     * nothing Kura provides.
     */
    List<String> unneeded() {
        List<Capability> kura = platform.capabilities();
        List<String> idle = new ArrayList<>();
        for (DeploymentPackage.Bundle candidate : dp.bundles()) {
            if (candidate.isOurs()) {
                continue;
            }
            List<Capability> offers = resource(candidate).getCapabilities(null);
            boolean needed = false;
            for (DeploymentPackage.Bundle user : dp.bundles()) {
                if (user == candidate) {
                    continue;
                }
                for (Requirement req : resource(user).getRequirements(null)) {
                    if (resolvedByFramework(req)
                            && offers.stream().anyMatch(cap -> ResourceUtils.matches(req, cap))
                            && kura.stream().noneMatch(cap -> ResourceUtils.matches(req, cap))) {
                        needed = true;
                        break;
                    }
                }
                if (needed) {
                    break;
                }
            }
            if (!needed) {
                idle.add(candidate.symbolicName() + " " + candidate.version() + " is needed by no bundle of "
                        + dp.symbolicName() + " beyond what Kura provides");
            }
        }
        return idle;
    }

    /**
     * Extenders after the bundles they serve: a bundle of the package that provides an {@code osgi.extender}
     * capability which another bundle here requires must come before it, so that it is installed and started first
     * (SPI Fly has to weave SLF4J 2 before SLF4J's classes load).
     */
    List<String> extendersAfterTheirUsers() {
        List<DeploymentPackage.Bundle> order = dp.bundles();
        List<String> late = new ArrayList<>();
        for (int u = 0; u < order.size(); u++) {
            for (Requirement req : resource(order.get(u)).getRequirements("osgi.extender")) {
                for (int e = u + 1; e < order.size(); e++) {
                    if (resource(order.get(e)).getCapabilities("osgi.extender").stream()
                            .anyMatch(cap -> ResourceUtils.matches(req, cap))) {
                        late.add(order.get(e).symbolicName() + " (an extender) comes after "
                                + order.get(u).symbolicName() + ", which needs it");
                    }
                }
            }
        }
        return late;
    }

    private Resource resource(DeploymentPackage.Bundle bundle) {
        return RESOURCES.computeIfAbsent(bundle.symbolicName() + "_" + bundle.version(), key -> {
            DeploymentPackage.Bundle b = bundle;
            ResourceBuilder builder = new ResourceBuilder();
            try {
                builder.addManifest(Domain.domain(b.manifest()));
            } catch (RuntimeException e) {
                throw new IllegalStateException(b.entry() + ": manifest cannot be parsed", e);
            }
            return builder.build();
        });
    }

    private static boolean resolvedByFramework(Requirement req) {
        String effective = req.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        // osgi.service requirements and the like are effective:=active: the resolver ignores them
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    private static boolean isOptional(Requirement req) {
        return Namespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                // DynamicImport-Package is resolved lazily, at class load time
                || "dynamic".equals(req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    private static String describe(Requirement req) {
        return req.getNamespace() + " " + req.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
    }
}
