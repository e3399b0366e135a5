package org.assure.distribution.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check of {@link DeploymentPackage} and {@link ResolutionCheck} refusing a package that breaks it. The broken
 * packages are the real, built ones with one thing changed, so that each test shows that exactly that change is
 * caught.
 */
class BrokenPackagesTest {

    @TempDir
    Path dir;

    private static KuraPlatform kura;
    private static Contents gateway;
    private static Contents authority;

    @BeforeAll
    static void readPackages() throws IOException {
        kura = KuraPlatform.kura53();
        gateway = Contents.read(DeploymentPackagesTest.packageFile("org.assure.gateway.dp.dp"));
        authority = Contents.read(DeploymentPackagesTest.packageFile("org.assure.authority.dp.dp"));
    }

    @Test
    void aMissingThirdPartyBundleLeavesImportsUnresolved() throws IOException {
        DeploymentPackage dp = gateway.without("jul.to.slf4j").write(dir.resolve("no-jul.dp"));
        assertThat(dp.problems()).isEmpty();
        assertThat(new ResolutionCheck(kura, dp, List.of()).unresolved()).containsExactly(
                "org.eclipse.californium.element-connector: osgi.wiring.package (osgi.wiring.package=org.slf4j.bridge)");
    }

    @Test
    void withoutBouncyCastleTheCoreBundlesDoNotResolve() throws IOException {
        DeploymentPackage dp = gateway.without("bcprov").write(dir.resolve("no-bcprov.dp"));
        assertThat(new ResolutionCheck(kura, dp, List.of()).unresolved())
                .anyMatch(line -> line.startsWith("org.assure.core: osgi.wiring.package")
                        && line.contains("org.bouncycastle.jce.provider"));
    }

    @Test
    void withoutJacksonDatabindTheCborBundleDoesNotResolve() throws IOException {
        DeploymentPackage dp = gateway.without("com.fasterxml.jackson.core.jackson-databind")
                .write(dir.resolve("no-databind.dp"));
        ResolutionCheck check = new ResolutionCheck(kura, dp, List.of());
        assertThat(check.unresolved())
                .anyMatch(line -> line.startsWith("com.fasterxml.jackson.dataformat.jackson-dataformat-cbor: ")
                        && line.contains("com.fasterxml.jackson.databind"));
        // and jackson-annotations, needed only by databind, is now dead weight
        assertThat(check.unneeded()).anyMatch(line -> line.startsWith("com.fasterxml.jackson.core.jackson-annotations "));
    }

    @Test
    void theKuraApiStandInIsRefused() throws IOException {
        Path kuraApi = DeploymentPackagesTest.packageFile("org.assure.kura.api.jar");
        DeploymentPackage dp = gateway.withBundle(kuraApi).write(dir.resolve("with-kura-api.dp"));
        assertThat(dp.problems()).isEmpty();
        assertThat(new ResolutionCheck(kura, dp, List.of()).providedByKura())
                .singleElement().asString().startsWith("org.assure.kura.api ");
    }

    @Test
    void aBundleNobodyNeedsIsRefused() throws IOException {
        // H2 is in the authority package for the authority; in the gateway package nothing imports it
        Contents withH2 = gateway.withBundleFrom(authority, "com.h2database");
        DeploymentPackage dp = withH2.write(dir.resolve("with-h2.dp"));
        assertThat(new ResolutionCheck(kura, dp, List.of()).unneeded())
                .singleElement().asString().startsWith("com.h2database ");
    }

    @Test
    void anExtenderAfterTheBundleThatNeedsItIsRefused() throws IOException {
        // SLF4J 2 needs the ServiceLoader Mediator (SPI Fly) started first; here it comes after SLF4J
        Contents c = gateway.withBundle(published("slf4j-api.jar")).withBundle(published("slf4j-simple.jar"));
        for (String asm : List.of("asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util")) {
            c = c.withBundle(published(asm + ".jar"));
        }
        c = c.withBundle(published("org.apache.aries.spifly.dynamic.bundle.jar"));
        DeploymentPackage dp = c.write(dir.resolve("spifly-last.dp"));
        assertThat(dp.problems()).isEmpty();
        assertThat(new ResolutionCheck(kura, dp, List.of()).extendersAfterTheirUsers())
                .contains("org.apache.aries.spifly.dynamic.bundle (an extender) comes after slf4j.api, which needs it",
                        "org.apache.aries.spifly.dynamic.bundle (an extender) comes after slf4j.simple, which needs it");
    }

    @Test
    void theAuthorityPackageWithJettyAsPublishedDoesNotResolveOnKura() throws Exception {
        // item 47: the former package (Jetty as published, SLF4J 2 with SPI Fly) has a provider for every import,
        // so the provider check passes it, but the resolver refuses the authority: it would see Kura's SLF4J 1.7
        // through Californium (org.assure.dtls.coap uses org.eclipse.californium.elements) and SLF4J 2 through Jetty
        Contents c = authority.copy();
        for (String jetty : List.of("util", "io", "http", "server")) {
            String entry = c.entryOf("org.eclipse.jetty." + jetty);
            c.manifest.getEntries().remove(entry);
            c.entries.remove(entry);
        }
        Contents former = authority.copy();
        former.manifest.getEntries().clear();
        former.entries.clear();
        for (String jar : List.of("asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util",
                "org.apache.aries.spifly.dynamic.bundle", "slf4j-api", "slf4j-simple",
                "jetty-util", "jetty-io", "jetty-http", "jetty-server")) {
            former = former.withBundle(published(jar + ".jar"));
        }
        for (Map.Entry<String, byte[]> rest : c.entries.entrySet()) {
            former.manifest.getEntries().put(rest.getKey(), new Attributes(c.manifest.getAttributes(rest.getKey())));
            former.entries.put(rest.getKey(), rest.getValue());
        }
        DeploymentPackage dp = former.write(dir.resolve("authority-published-jetty.dp"));
        assertThat(dp.problems()).isEmpty();
        DeploymentPackage gw = gateway.write(dir.resolve("gateway.dp"));
        assertThat(new ResolutionCheck(kura, dp, List.of(gw)).unresolved()).isEmpty();
        try (KuraFramework framework = KuraFramework.start(kura, dir.resolve("framework"))) {
            assertThat(framework.resolve(framework.install(gw))).isEmpty();
            assertThat(framework.resolve(framework.install(dp))).singleElement().asString()
                    .startsWith("org.assure.authority ")
                    .contains("Uses constraint violation", "package 'org.slf4j'", "slf4j.api");
        }
    }

    @Test
    void widenedJettyCallsOnlySlf4jApiThatKurasSlf4jHas() throws IOException {
        // the widening is sound only if Jetty's classes need nothing SLF4J 2 added: every SLF4J member they refer
        // to must exist in Kura 5.3's SLF4J 1.7.32
        List<String> missing = new ArrayList<>();
        int refs = 0;
        try (Slf4jApi kuraSlf4j = new Slf4jApi(published("slf4j-api-kura.jar"))) {
            // the lookup tells 1.7 from 2: the fluent API came with SLF4J 2
            assertThat(kuraSlf4j.has("org/slf4j/Logger.debug(Ljava/lang/String;Ljava/lang/Object;)V")).isTrue();
            assertThat(kuraSlf4j.has("org/slf4j/Logger.atDebug()Lorg/slf4j/spi/LoggingEventBuilder;")).isFalse();
            assertThat(kuraSlf4j.has("org/slf4j/spi/LoggingEventBuilder")).isFalse();
            for (String jetty : List.of("util", "io", "http", "server")) {
                byte[] jar = authority.entries.get(authority.entryOf("org.eclipse.jetty." + jetty));
                for (String ref : ClassReferences.slf4jMembers(jar)) {
                    refs++;
                    if (!kuraSlf4j.has(ref)) {
                        missing.add("org.eclipse.jetty." + jetty + ": " + ref);
                    }
                }
            }
        }
        assertThat(refs).as("SLF4J member references found in Jetty").isPositive();
        assertThat(missing).isEmpty();
    }

    @Test
    void widenedJettyIsThePublishedJettyButForItsSlf4jImports() throws IOException {
        for (String jetty : List.of("util", "io", "http", "server")) {
            Contents widened = Contents.readJar(authority.entries.get(authority.entryOf("org.eclipse.jetty." + jetty)));
            Contents original = Contents.readJar(Files.readAllBytes(published("jetty-" + jetty + ".jar")));
            assertThat(widened.entries.keySet()).as(jetty).containsExactlyInAnyOrderElementsOf(original.entries.keySet());
            for (String name : original.entries.keySet()) {
                assertThat(widened.entries.get(name)).as(jetty + " " + name).isEqualTo(original.entries.get(name));
            }
            Attributes w = widened.manifest.getMainAttributes();
            Attributes o = original.manifest.getMainAttributes();
            for (Object key : o.keySet()) {
                String name = key.toString();
                String expected = switch (name) {
                    case "Bundle-Version" -> o.getValue(name) + ".slf4j17";
                    case "Import-Package" -> o.getValue(name).replaceAll(
                            "(org\\.slf4j(\\.[a-z]+)?;version=\"\\[)2\\.0(\\.0)?,3(\\.0)?\\)\"", "$11.7,3)\"");
                    default -> o.getValue(name);
                };
                assertThat(w.getValue(name)).as(jetty + " " + name).isEqualTo(expected);
            }
        }
    }

    private static Path published(String jar) {
        Path file = Path.of(System.getProperty("assure.packages"), "published", jar);
        assertThat(file).isRegularFile();
        return file;
    }

    @Test
    void aSectionWhoseVersionDiffersFromTheBundleIsRefused() throws IOException {
        Contents c = gateway.copy();
        String entry = c.entryOf("org.assure.core");
        String real = c.bundleVersion("org.assure.core");
        c.manifest.getAttributes(entry).putValue(DeploymentPackage.BUNDLE_VERSION, "9.9.9");
        assertThat(c.write(dir.resolve("bad-version.dp")).problems())
                .containsExactly(entry + ": Name section says version 9.9.9 but the bundle is " + real);
    }

    @Test
    void aSectionWhoseNameDiffersFromTheBundleIsRefused() throws IOException {
        Contents c = gateway.copy();
        String entry = c.entryOf("org.assure.dtls");
        c.manifest.getAttributes(entry).putValue(DeploymentPackage.BSN, "org.assure.dtls;singleton:=true");
        assertThat(c.write(dir.resolve("bad-name.dp")).problems())
                .contains(entry + ": Bundle-SymbolicName in the Name section carries directives: "
                        + "org.assure.dtls;singleton:=true");
        c.manifest.getAttributes(entry).putValue(DeploymentPackage.BSN, "org.assure.other");
        assertThat(c.write(dir.resolve("bad-name2.dp")).problems())
                .containsExactly(entry + ": Name section says org.assure.other but the bundle is org.assure.dtls");
    }

    @Test
    void aManifestThatIsNotTheFirstEntryIsRefused() throws IOException {
        Path file = dir.resolve("manifest-late.dp");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            Map.Entry<String, byte[]> first = gateway.entries.entrySet().iterator().next();
            out.putNextEntry(new ZipEntry(first.getKey()));
            out.write(first.getValue());
            out.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            gateway.manifest.write(out);
        }
        assertThat(DeploymentPackage.read(file).problems()).containsExactly("META-INF/MANIFEST.MF is not the first entry");
    }

    @Test
    void anEntryWithoutASectionAndASectionWithoutAnEntryAreRefused() throws IOException {
        Contents c = gateway.copy();
        String entry = c.entryOf("bcutil");
        c.manifest.getEntries().remove(entry);
        c.manifest.getEntries().put("ghost_1.0.0.jar", section("ghost", "1.0.0"));
        assertThat(c.write(dir.resolve("sections.dp")).problems()).containsExactlyInAnyOrder(
                entry + ": no Name section in the manifest (Deployment Admin refuses such an entry)",
                "ghost_1.0.0.jar: Name section without an entry");
    }

    @Test
    void aResourceBeforeABundleOrWithoutAProcessorIsRefused() throws IOException {
        Contents c = gateway.copy();
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        reordered.put("config/defaults.xml", "<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        reordered.putAll(c.entries);
        c.entries.clear();
        c.entries.putAll(reordered);
        Attributes resource = new Attributes();
        c.manifest.getEntries().put("config/defaults.xml", resource);
        List<String> problems = c.write(dir.resolve("resource-first.dp")).problems();
        assertThat(problems).contains("config/defaults.xml: neither a bundle (no Bundle-SymbolicName) nor a processed"
                + " resource (no Resource-Processor)");
        assertThat(problems).anyMatch(p -> p.endsWith(": bundle after a processed resource (bundles must come first)"));
    }

    @Test
    void aMainSectionWithoutNameOrVersionIsRefused() throws IOException {
        Contents c = gateway.copy();
        c.manifest.getMainAttributes().remove(new Attributes.Name(DeploymentPackage.DP_VERSION));
        c.manifest.getMainAttributes().putValue(DeploymentPackage.DP_SYMBOLIC_NAME, "not a name");
        assertThat(c.write(dir.resolve("main.dp")).problems()).containsExactlyInAnyOrder(
                "main section: DeploymentPackage-SymbolicName is not a symbolic name: not a name",
                "main section: no DeploymentPackage-Version");
    }

    @Test
    void aKuraWithAnOlderApiRefusesTheGatewayBundles() throws IOException {
        // Kura 5.0-5.1 exported org.eclipse.kura at 1.6; our bundles import [1.7,2)
        KuraPlatform kura51 = kura.altered("Kura 5.1", line -> line.startsWith("package org.eclipse.kura "),
                List.of("package org.eclipse.kura 1.6.0"));
        DeploymentPackage dp = gateway.write(dir.resolve("gateway.dp"));
        assertThat(new ResolutionCheck(kura51, dp, List.of()).unresolved())
                .contains("org.assure.keystore: osgi.wiring.package "
                        + "(&(osgi.wiring.package=org.eclipse.kura)(version>=1.7.0)(!(version>=2.0.0)))");
    }

    @Test
    void aKuraOnJava11OrWithDs13RefusesTheGatewayBundles() throws IOException {
        DeploymentPackage dp = gateway.write(dir.resolve("gateway.dp"));
        KuraPlatform java11 = kura.altered("Kura on Java 11", line -> line.startsWith("capability osgi.ee;osgi.ee=JavaSE"),
                List.of("capability osgi.ee;osgi.ee=JavaSE;version:List<Version>=\"1.8,9,10,11\""));
        assertThat(new ResolutionCheck(java11, dp, List.of()).unresolved())
                .contains("org.assure.core: osgi.ee (&(osgi.ee=JavaSE)(version=17))");
        KuraPlatform ds13 = kura.altered("Kura with DS 1.3", line -> line.contains("osgi.extender=osgi.component"),
                List.of("capability osgi.extender;osgi.extender=osgi.component;version:Version=1.3.0"));
        assertThat(new ResolutionCheck(ds13, dp, List.of()).unresolved())
                .anyMatch(line -> line.startsWith("org.assure.channels: osgi.extender"))
                .noneMatch(line -> line.startsWith("org.assure.keystore: osgi.extender"));
    }

    private static Attributes section(String bsn, String version) {
        Attributes a = new Attributes();
        a.putValue(DeploymentPackage.BSN, bsn);
        a.putValue(DeploymentPackage.BUNDLE_VERSION, version);
        return a;
    }

    /** A package's manifest and entries (in order), changed in memory and written back out as a .dp. */
    private static final class Contents {
        final Manifest manifest;
        final Map<String, byte[]> entries;

        private Contents(Manifest manifest, Map<String, byte[]> entries) {
            this.manifest = manifest;
            this.entries = entries;
        }

        static Contents read(Path file) throws IOException {
            try (JarInputStream in = new JarInputStream(Files.newInputStream(file), false)) {
                Map<String, byte[]> entries = new LinkedHashMap<>();
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    entries.put(e.getName(), in.readAllBytes());
                }
                return new Contents(new Manifest(in.getManifest()), entries);
            }
        }

        /** A bundle's manifest and entries (the manifest itself not among them). */
        static Contents readJar(byte[] jar) throws IOException {
            try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar), false)) {
                Map<String, byte[]> entries = new LinkedHashMap<>();
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    if (!e.isDirectory()) {
                        entries.put(e.getName(), in.readAllBytes());
                    }
                }
                return new Contents(new Manifest(in.getManifest()), entries);
            }
        }

        Contents copy() {
            // new Manifest(Manifest) shares the section objects; each copy gets its own
            Manifest m = new Manifest();
            m.getMainAttributes().putAll(manifest.getMainAttributes());
            manifest.getEntries().forEach((name, attrs) -> m.getEntries().put(name, new Attributes(attrs)));
            return new Contents(m, new LinkedHashMap<>(entries));
        }

        String entryOf(String bsn) {
            return manifest.getEntries().entrySet().stream()
                    .filter(e -> bsn.equals(e.getValue().getValue(DeploymentPackage.BSN)))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new AssertionError("no bundle " + bsn));
        }

        String bundleVersion(String bsn) {
            return manifest.getAttributes(entryOf(bsn)).getValue(DeploymentPackage.BUNDLE_VERSION);
        }

        Contents without(String bsn) {
            Contents c = copy();
            String entry = c.entryOf(bsn);
            c.manifest.getEntries().remove(entry);
            c.entries.remove(entry);
            return c;
        }

        Contents withBundle(Path jar) throws IOException {
            Contents c = copy();
            Manifest own;
            try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
                own = in.getManifest();
            }
            String bsn = own.getMainAttributes().getValue(DeploymentPackage.BSN).split(";", 2)[0];
            String version = own.getMainAttributes().getValue(DeploymentPackage.BUNDLE_VERSION);
            String entry = bsn + "_" + version + ".jar";
            c.manifest.getEntries().put(entry, section(bsn, version));
            c.entries.put(entry, Files.readAllBytes(jar));
            return c;
        }

        Contents withBundleFrom(Contents other, String bsn) {
            Contents c = copy();
            String entry = other.entryOf(bsn);
            c.manifest.getEntries().put(entry, new Attributes(other.manifest.getAttributes(entry)));
            c.entries.put(entry, other.entries.get(entry));
            return c;
        }

        DeploymentPackage write(Path file) throws IOException {
            try (OutputStream raw = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(raw, manifest)) {
                out.setLevel(Deflater.NO_COMPRESSION); // the entries are jars already; this keeps the tests fast
                List<String> names = new ArrayList<>(entries.keySet());
                for (String name : names) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(entries.get(name));
                    out.closeEntry();
                }
            }
            return DeploymentPackage.read(file);
        }
    }
}
