package org.assure.distribution.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two deployment packages the build makes (distribution/kura/gateway and /authority), checked the way Kura
 * would take them: well formed for Deployment Admin, resolvable against Kura 5.3 on Java 17 (the gateway package
 * alone; the authority package on top of it), carrying nothing Kura provides and nothing no bundle needs.
 * {@link BrokenPackagesTest} shows each check refusing a package that breaks it.
 */
class DeploymentPackagesTest {

    static final List<String> GATEWAY_BUNDLES = List.of("org.assure.core", "org.assure.dtls", "org.assure.keystore",
            "org.assure.channels", "org.assure.bootstrap", "org.assure.kura");

    private static KuraPlatform kura;
    private static DeploymentPackage gateway;
    private static DeploymentPackage authority;

    @BeforeAll
    static void readPackages() throws IOException {
        kura = KuraPlatform.kura53();
        gateway = DeploymentPackage.read(packageFile("org.assure.gateway.dp.dp"));
        authority = DeploymentPackage.read(packageFile("org.assure.authority.dp.dp"));
    }

    static Path packageFile(String name) {
        String dir = System.getProperty("assure.packages");
        assertThat(dir).as("system property assure.packages (set by the pom)").isNotNull();
        Path file = Path.of(dir, name);
        assertThat(file).as("built package").isRegularFile();
        return file;
    }

    @Test
    void gatewayPackageIsWhatDeploymentAdminAccepts() {
        assertThat(gateway.problems()).isEmpty();
        assertThat(gateway.symbolicName()).isEqualTo("org.assure.gateway.dp");
        assertThat(gateway.bundles()).extracting(DeploymentPackage.Bundle::symbolicName)
                .containsAll(GATEWAY_BUNDLES)
                .doesNotContain("org.assure.kura.api", "org.assure.authority", "org.assure.cli");
    }

    @Test
    void authorityPackageIsWhatDeploymentAdminAccepts() {
        assertThat(authority.problems()).isEmpty();
        assertThat(authority.symbolicName()).isEqualTo("org.assure.authority.dp");
        assertThat(authority.bundles()).extracting(DeploymentPackage.Bundle::symbolicName)
                .contains("org.assure.authority")
                .doesNotContain("org.assure.kura.api", "org.assure.core", "org.assure.dtls", "org.assure.cli");
    }

    @Test
    void gatewayPackageResolvesOnKuraAlone() {
        ResolutionCheck check = new ResolutionCheck(kura, gateway, List.of());
        assertThat(check.unresolved()).isEmpty();
        assertThat(check.providedByKura()).isEmpty();
        assertThat(check.unneeded()).isEmpty();
    }

    @Test
    void authorityPackageResolvesOnKuraAboveTheGatewayPackage() {
        ResolutionCheck check = new ResolutionCheck(kura, authority, List.of(gateway));
        assertThat(check.unresolved()).isEmpty();
        assertThat(check.providedByKura()).isEmpty();
        assertThat(check.unneeded()).isEmpty();
    }

    @Test
    void extendersComeBeforeTheBundlesTheyServe() {
        assertThat(new ResolutionCheck(kura, authority, List.of(gateway)).extendersAfterTheirUsers()).isEmpty();
        assertThat(new ResolutionCheck(kura, gateway, List.of()).extendersAfterTheirUsers()).isEmpty();
        // (neither package carries an extender today; BrokenPackagesTest shows the check refusing a late one)
    }

    @Test
    void authorityPackageCarriesJettyForKurasSlf4j() {
        // item 47: Jetty's SLF4J imports widened to Kura 5's 1.7, and no SLF4J of the package's own
        assertThat(authority.bundles()).filteredOn(b -> b.symbolicName().startsWith("org.eclipse.jetty."))
                .hasSize(4)
                .allSatisfy(b -> {
                    assertThat(b.version().getQualifier()).isEqualTo("slf4j17");
                    assertThat(b.manifest().getMainAttributes().getValue("Import-Package"))
                            .contains("org.slf4j;version=\"[1.7,3)\"").doesNotContain("version=\"[2");
                });
        assertThat(authority.bundles()).extracting(DeploymentPackage.Bundle::symbolicName)
                .doesNotContain("slf4j.api", "slf4j.simple", "org.apache.aries.spifly.dynamic.bundle");
    }

    @Test
    void authorityPackageNeedsTheGatewayPackageInstalledFirst() {
        // the install order README states: without the gateway package, core and dtls are missing
        assertThat(new ResolutionCheck(kura, authority, List.of()).unresolved())
                .anyMatch(line -> line.startsWith("org.assure.authority: osgi.wiring.package")
                        && line.contains("org.assure.core"))
                .anyMatch(line -> line.contains("org.assure.dtls"));
    }

    @Test
    void thePackagesShareNoBundle() {
        // Deployment Admin gives every bundle one owning package and refuses a second one
        assertThat(authority.bundles()).extracting(DeploymentPackage.Bundle::symbolicName)
                .doesNotContainAnyElementsOf(gateway.bundles().stream()
                        .map(DeploymentPackage.Bundle::symbolicName).toList());
        assertThat(authority.symbolicName()).isNotEqualTo(gateway.symbolicName());
    }

    @Test
    void packagesAreFilesKuraStoresUnderTheirNameAndVersion() throws IOException {
        for (DeploymentPackage dp : List.of(gateway, authority)) {
            assertThat(dp.version()).matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?");
            assertThat(Files.size(dp.file())).isPositive();
        }
    }
}
