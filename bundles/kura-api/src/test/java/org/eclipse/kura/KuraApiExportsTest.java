package org.eclipse.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.version.Version;

/** The stand-in must export exactly the packages and versions of Kura's API bundle (KURA-API.md section 0). */
class KuraApiExportsTest {

    private static StandInBundle.Analysis bundle;

    @BeforeAll
    static void analyzeTheStandIn() throws Exception {
        bundle = StandInBundle.analyze();
    }

    @Test
    void givenTheStandInClasses_whenBndComputesTheManifest_thenItReportsNoErrorsOrWarnings() {
        assertThat(bundle.problems()).isEmpty();
    }

    @Test
    void givenTheStandInClasses_whenBndComputesTheManifest_thenExportPackageEqualsTheFactSheetForTheTargetKuraLine() {
        Map<String, Version> expected = new TreeMap<>();
        FactSheet.exportVersions(FactSheet.targetLine()).forEach((name, version) -> expected.put(name,
                Version.parseVersion(version)));

        Map<String, Version> exported = exportedVersions(bundle.header(Constants.EXPORT_PACKAGE));

        // equal maps: a missing package, an extra package and a different version all fail here
        assertThat(exported).isEqualTo(expected);
    }

    @Test
    void givenTheStandInClasses_whenBndComputesTheManifest_thenTheBundleRequiresJava8AsKurasApiDoes() {
        assertThat(bundle.header(Constants.REQUIRE_CAPABILITY))
                .isEqualTo("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=1.8))\"");
    }

    @Test
    void givenTheStandInClasses_whenBndComputesTheManifest_thenTheSymbolicNameIsTheArtifactIdNotKuras() {
        // never org.eclipse.kura.api: the stand-in must not pose as Kura's bundle
        assertThat(bundle.header(Constants.BUNDLE_SYMBOLICNAME)).isEqualTo("org.assure.kura.api");
    }

    static Map<String, Version> exportedVersions(String exportPackage) {
        Map<String, Version> versions = new TreeMap<>();
        Parameters exports = new Parameters(exportPackage);
        for (Map.Entry<String, Attrs> export : exports.entrySet()) {
            String version = export.getValue().get(Constants.VERSION_ATTRIBUTE);
            versions.put(export.getKey(), version == null ? null : Version.parseVersion(version));
        }
        return versions;
    }
}
