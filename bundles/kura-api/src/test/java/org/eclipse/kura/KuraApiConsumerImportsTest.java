package org.eclipse.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.assure.kura.apiconsumer.SampleKuraConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;

/**
 * A bundle built against the stand-in must resolve inside a real Kura: the import ranges bnd gives it have to
 * contain the versions Kura's API bundle exports (KURA-API.md section 0).
 */
class KuraApiConsumerImportsTest {

    private static Map<String, VersionRange> kuraImports;

    @BeforeAll
    static void analyzeABundleBuiltAgainstTheStandIn() throws Exception {
        StandInBundle.Analysis standIn = StandInBundle.analyze();
        try (Jar standInJar = StandInBundle.asBundle(standIn.manifest());
                Jar consumerJar = fixtureJar();
                Analyzer consumer = new Analyzer()) {
            consumer.setJar(consumerJar);
            consumer.addClasspath(standInJar);
            consumer.setProperty(Constants.BUNDLE_SYMBOLICNAME, "org.assure.kura.apiconsumer");
            Parameters imports = new Parameters(
                    consumer.calcManifest().getMainAttributes().getValue(Constants.IMPORT_PACKAGE));
            assertThat(consumer.getErrors()).isEmpty();
            kuraImports = new TreeMap<>();
            for (Map.Entry<String, Attrs> entry : imports.entrySet()) {
                if (entry.getKey().startsWith("org.eclipse.kura")) {
                    kuraImports.put(entry.getKey(), new VersionRange(entry.getValue().get(Constants.VERSION_ATTRIBUTE)));
                }
            }
        }
    }

    @Test
    void givenAConsumerOfEveryStandInPackage_whenBndComputesItsImports_thenItImportsEachExportedPackage() {
        // guards the checks below: they must cover every package the stand-in exports
        assertThat(kuraImports).containsOnlyKeys(FactSheet.exportVersions(FactSheet.targetLine()).keySet());
    }

    @Test
    void givenAConsumerOfEveryStandInPackage_whenMatchedAgainstEachKuraLine_thenItResolvesFromKura54On() {
        List<String> resolvingLines = FactSheet.kuraLines().stream().filter(KuraApiConsumerImportsTest::resolvesOn)
                .toList();

        // 5.0-5.3 export org.eclipse.kura.message at 1.4 (and 5.0-5.1 org.eclipse.kura at 1.6): too old
        assertThat(resolvingLines).containsExactly("5.4-5.6", "6.0-dev");
    }

    @Test
    void givenAConsumerOfEveryStandInPackage_whenBndComputesItsImports_thenEachRangeEndsAtTheNextMajorVersion() {
        // Kura 6.0's minor versions are unconfirmed; only ranges up to the next major survive a minor bump
        assertThat(kuraImports).allSatisfy((name, range) -> {
            assertThat(range.includeHigh()).as(name).isFalse();
            assertThat(range.getHigh()).as(name).isEqualTo(new Version(range.getLow().getMajor() + 1, 0, 0));
        });
    }

    private static boolean resolvesOn(String kuraLine) {
        Map<String, String> exported = FactSheet.exportVersions(kuraLine);
        return kuraImports.entrySet().stream()
                .allMatch(e -> e.getValue().includes(Version.parseVersion(exported.get(e.getKey()))));
    }

    private static Jar fixtureJar() throws Exception {
        Path classes = Path.of(SampleKuraConsumer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = SampleKuraConsumer.class.getPackageName().replace('.', '/');
        Jar jar = new Jar("org.assure.kura.apiconsumer");
        try (Stream<Path> files = Files.list(classes.resolve(packagePath))) {
            for (Path file : files.toList()) {
                jar.putResource(packagePath + "/" + file.getFileName(), new FileResource(file));
            }
        }
        return jar;
    }
}
