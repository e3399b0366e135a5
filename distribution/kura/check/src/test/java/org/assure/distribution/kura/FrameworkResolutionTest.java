package org.assure.distribution.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The two deployment packages resolved by Equinox itself, in a framework whose system bundle exports what Kura 5.3
 * on Java 17 exports ({@link KuraFramework}): the gateway package alone, then the authority package on top of it,
 * the order README gives and Deployment Admin installs in. Unlike {@link ResolutionCheck}, which asks whether each
 * requirement has a provider, this runs the resolver with its {@code uses} constraints.
 */
class FrameworkResolutionTest {

    /** The system bundle: in this framework it stands for everything Kura exports. */
    private static final String KURA = "org.eclipse.osgi";

    @TempDir
    Path dir;

    private static KuraPlatform kura;
    private static DeploymentPackage gateway;
    private static DeploymentPackage authority;

    @BeforeAll
    static void readPackages() throws IOException {
        kura = KuraPlatform.kura53();
        gateway = DeploymentPackage.read(DeploymentPackagesTest.packageFile("org.assure.gateway.dp.dp"));
        authority = DeploymentPackage.read(DeploymentPackagesTest.packageFile("org.assure.authority.dp.dp"));
    }

    @Test
    void gatewayPackageResolvesOnKura() throws Exception {
        try (KuraFramework framework = KuraFramework.start(kura, dir)) {
            List<Bundle> bundles = framework.install(gateway);
            assertThat(bundles).hasSize(gateway.bundles().size());
            assertThat(framework.resolve(bundles)).as("bundles of %s left unresolved", gateway).isEmpty();
            // Californium and our bundles log through Kura's SLF4J 1.7, i.e. into Kura's log
            for (String bsn : List.of("org.eclipse.californium.core", "org.eclipse.californium.element-connector",
                    "org.assure.dtls", "org.assure.kura")) {
                assertThat(framework.packageSource(framework.bundle(bsn), "org.slf4j")).as(bsn).startsWith(KURA + " ");
            }
        }
    }

    @Test
    void authorityPackageResolvesOnKuraAboveTheGatewayPackage() throws Exception {
        try (KuraFramework framework = KuraFramework.start(kura, dir)) {
            List<Bundle> first = framework.install(gateway);
            assertThat(framework.resolve(first)).as("bundles of %s left unresolved", gateway).isEmpty();
            List<Bundle> second = framework.install(authority);
            assertThat(second).hasSize(authority.bundles().size());
            assertThat(framework.resolve(second)).as("bundles of %s left unresolved", authority).isEmpty();
            // one SLF4J for all, Kura's (item 47): Jetty, the authority, and Californium, which the authority sees
            // through org.assure.dtls.coap
            for (String bsn : List.of("org.eclipse.jetty.util", "org.eclipse.jetty.server", "org.assure.authority",
                    "org.eclipse.californium.element-connector")) {
                assertThat(framework.packageSource(framework.bundle(bsn), "org.slf4j")).as(bsn).startsWith(KURA + " ");
            }
        }
    }

    @Test
    void aKuraWithAnOlderApiDoesNotResolveTheGatewayPackage() throws Exception {
        // the framework exports what the data file says and nothing the test JVM happens to have: Kura 5.0-5.1
        // exported org.eclipse.kura at 1.6, and our bundles import [1.7,2)
        KuraPlatform kura51 = kura.altered("Kura 5.1", line -> line.startsWith("package org.eclipse.kura "),
                List.of("package org.eclipse.kura 1.6.0"));
        try (KuraFramework framework = KuraFramework.start(kura51, dir)) {
            assertThat(framework.resolve(framework.install(gateway)))
                    .anyMatch(line -> line.startsWith("org.assure.keystore ") && line.contains(
                            "Unresolved requirement: Import-Package: org.eclipse.kura; version=\"[1.7.0,2.0.0)\""))
                    .noneMatch(line -> line.startsWith("org.eclipse.californium."));
        }
    }

    @Test
    void bothPackagesResolveInOnePass() throws Exception {
        // a framework started with a clean cache resolves everything installed at once, with no earlier wiring
        // to keep: the packages must resolve that way too
        try (KuraFramework framework = KuraFramework.start(kura, dir)) {
            List<Bundle> all = new ArrayList<>(framework.install(gateway));
            all.addAll(framework.install(authority));
            assertThat(framework.resolve(all)).as("bundles left unresolved").isEmpty();
        }
    }
}
