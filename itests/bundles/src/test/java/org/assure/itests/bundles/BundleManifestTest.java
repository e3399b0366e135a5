package org.assure.itests.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Processor;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every aSSURE bundle on the test class path must be a valid OSGi bundle that resolves against the other bundles
 * here (ours and the third-party ones they depend on) plus the JRE: versioned exports, version ranges on
 * imports, and every mandatory import satisfied by an export in range.
 */
class BundleManifestTest {
    private record Bundle(String file, String symbolicName, Manifest manifest) {
        String header(String name) {
            String value = manifest.getMainAttributes().getValue(name);
            return value == null ? "" : value;
        }
    }

    private static final List<Bundle> BUNDLES = new ArrayList<>();
    private static final Map<String, List<Version>> EXPORTS = new HashMap<>();
    private static final Set<String> JRE_PACKAGES = new HashSet<>();

    @BeforeAll
    static void readClassPath() throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                Manifest manifest = jar.getManifest();
                String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn == null) {
                    continue;
                }
                Bundle bundle = new Bundle(new File(entry).getName(), bsn.split(";")[0].trim(), manifest);
                BUNDLES.add(bundle);
                Parameters exports = OSGiHeader.parseHeader(bundle.header("Export-Package"));
                for (Map.Entry<String, Attrs> export : exports.entrySet()) {
                    String version = export.getValue().getVersion();
                    EXPORTS.computeIfAbsent(Processor.removeDuplicateMarker(export.getKey()), k -> new ArrayList<>())
                            .add(version == null ? Version.emptyVersion : Version.parseVersion(version));
                }
            }
        }
        ModuleFinder.ofSystem().findAll().forEach(module -> module.descriptor().exports().stream()
                .filter(export -> !export.isQualified())
                .forEach(export -> JRE_PACKAGES.add(export.source())));
    }

    private static Stream<Bundle> ours() {
        return BUNDLES.stream().filter(b -> b.symbolicName().startsWith("org.assure."));
    }

    @Test
    void our_bundles_are_on_the_class_path() {
        assertThat(ours().map(Bundle::symbolicName)).contains("org.assure.core", "org.assure.kura.api", "org.assure.dtls",
                "org.assure.channels", "org.assure.keystore", "org.assure.authority", "org.assure.kura", "org.assure.bootstrap",
                "org.assure.console", "org.assure.runtime");
    }

    @Test
    void dtls_exports_its_coap_connector_and_imports_californium_3() {
        Bundle dtls = ours().filter(b -> b.symbolicName().equals("org.assure.dtls")).findFirst().orElseThrow();
        assertThat(OSGiHeader.parseHeader(dtls.header("Export-Package")).keySet())
                .contains("org.assure.dtls", "org.assure.dtls.coap").doesNotContain("org.assure.dtls.internal");
        Attrs californium = OSGiHeader.parseHeader(dtls.header("Import-Package")).get("org.eclipse.californium.elements");
        assertThat(californium).as("import of org.eclipse.californium.elements").isNotNull();
        assertThat(californium.getVersion()).isEqualTo("[3.14,4)");
    }

    @TestFactory
    Stream<DynamicTest> every_export_is_versioned() {
        return ours().map(bundle -> DynamicTest.dynamicTest(bundle.symbolicName(), () -> {
            Parameters exports = OSGiHeader.parseHeader(bundle.header("Export-Package"));
            for (Map.Entry<String, Attrs> export : exports.entrySet()) {
                String version = export.getValue().getVersion();
                assertThat(version).as("version of exported %s in %s", export.getKey(), bundle.file()).isNotNull();
                assertThat(Version.parseVersion(version)).as("version of %s", export.getKey())
                        .isGreaterThan(Version.emptyVersion);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_import_is_ranged_and_satisfied() {
        return ours().map(bundle -> DynamicTest.dynamicTest(bundle.symbolicName(), () -> {
            assertThat(bundle.header("Bundle-ManifestVersion")).isEqualTo("2");
            assertThat(importProblems(bundle)).as("imports of %s", bundle.file()).isEmpty();
        }));
    }

    @Test
    void given_an_unsatisfiable_or_unranged_import_when_checked_then_both_are_reported() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Import-Package",
                "org.assure.nowhere;version=\"[1.0,2)\",com.fasterxml.jackson.core,"
                        + "com.fasterxml.jackson.dataformat.cbor;version=\"[9.0,10)\",java.util,"
                        + "org.assure.optional;version=\"[1,2)\";resolution:=optional");
        List<String> problems = importProblems(new Bundle("synthetic.jar", "org.assure.synthetic", manifest));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("org.assure.nowhere");
        assertThat(problems.get(1)).startsWith("com.fasterxml.jackson.core: no version range");
        assertThat(problems.get(2)).startsWith("com.fasterxml.jackson.dataformat.cbor [9.0,10)");
    }

    @Test
    void keystore_component_resolves_on_kura_5_scr() {
        // Kura 5 ships Felix SCR 2.1.16, which provides osgi.extender=osgi.component 1.4 (DS 1.4).
        Bundle keystore = ours().filter(b -> b.symbolicName().equals("org.assure.keystore")).findFirst().orElseThrow();
        String requirements = keystore.header("Require-Capability");
        assertThat(requirements).contains("(osgi.extender=osgi.component)(version>=1.3.0)")
                .doesNotContain("version>=1.5.0");
        assertThat(keystore.header("Service-Component")).isEqualTo("OSGI-INF/org.assure.keystore.xml");
        assertThat(OSGiHeader.parseHeader(keystore.header("Export-Package")).keySet()).containsExactly("org.assure.keystore");
    }

    private static List<String> importProblems(Bundle bundle) {
        Parameters imports = OSGiHeader.parseHeader(bundle.header("Import-Package"));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Attrs> entry : imports.entrySet()) {
            String pkg = Processor.removeDuplicateMarker(entry.getKey());
            Attrs attrs = entry.getValue();
            boolean optional = "optional".equals(attrs.get("resolution:"));
            if (JRE_PACKAGES.contains(pkg)) {
                continue;
            }
            String range = attrs.getVersion();
            if (range == null) {
                problems.add(pkg + ": no version range");
                continue;
            }
            VersionRange wanted = new VersionRange(range);
            boolean satisfied = EXPORTS.getOrDefault(pkg, List.of()).stream().anyMatch(wanted::includes);
            if (!satisfied && !optional) {
                problems.add(pkg + " " + range + ": nothing exports it in range (exports: "
                        + EXPORTS.getOrDefault(pkg, List.of()) + ")");
            }
        }
        return problems;
    }
}
