package org.assure.itests.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every aSSURE bundle on the test class path (the reactor's jars) against Kura's metatype and component rules
 * ({@link KuraMetatypeRules}), plus cases that show each rule catches what it should.
 */
class KuraMetatypeRulesTest {
    /** What a bundle on the class path holds for the rules. */
    private record BundleFiles(String symbolicName, Map<String, byte[]> entries, List<String> serviceComponents,
            String requireCapability) {
        boolean hasMetatypeOrComponents() {
            return !serviceComponents.isEmpty()
                    || entries.keySet().stream().anyMatch(p -> p.startsWith("OSGI-INF/metatype/"));
        }

        List<String> violations() {
            return KuraMetatypeRules.check(symbolicName, entries, serviceComponents, requireCapability);
        }
    }

    private static final Map<String, BundleFiles> BUNDLES = new TreeMap<>();

    @BeforeAll
    static void readClassPath() throws IOException {
        for (String path : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!path.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(path)) {
                Manifest manifest = jar.getManifest();
                String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn == null || !bsn.startsWith("org.assure.")) {
                    continue;
                }
                bsn = bsn.split(";")[0].trim();
                Map<String, byte[]> entries = new HashMap<>();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            entries.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
                String components = manifest.getMainAttributes().getValue("Service-Component");
                List<String> serviceComponents = components == null ? List.of()
                        : Arrays.stream(components.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                String requirements = manifest.getMainAttributes().getValue("Require-Capability");
                BUNDLES.put(bsn, new BundleFiles(bsn, entries, serviceComponents,
                        requirements == null ? "" : requirements));
            }
        }
    }

    @Test
    void theKuraBundleFollowsEveryRule() {
        BundleFiles kura = BUNDLES.get("org.assure.kura");
        assertThat(kura).as("org.assure.kura on the class path").isNotNull();
        assertThat(kura.entries()).containsKeys("OSGI-INF/metatype/org.assure.kura.CloudEventPublisher.xml",
                "OSGI-INF/metatype/org.assure.kura.CloudRequestHandler.xml");

        assertThat(kura.violations()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyAssureBundleFollowsKurasRules() {
        assertThat(BUNDLES).as("aSSURE bundles with forms or components")
                .containsKeys("org.assure.kura", "org.assure.channels", "org.assure.keystore");
        return BUNDLES.values().stream().filter(BundleFiles::hasMetatypeOrComponents)
                .map(bundle -> DynamicTest.dynamicTest(bundle.symbolicName(), () -> assertThat(bundle.violations())
                        .as("violations of Kura's rules in %s", bundle.symbolicName())
                        .isEmpty()));
    }

    // --- each rule catches what it should, on synthetic bundles -------------------------------------------------

    private static final String PID = "org.assure.example";
    private static final String GOOD_COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.assure.example"
                configuration-policy="require">
              <service><provide interface="org.eclipse.kura.configuration.ConfigurableComponent"/></service>
              <reference name="CloudPublisher" interface="x.CloudPublisher" cardinality="0..1" policy="dynamic"/>
              <implementation class="x.Example"/>
            </scr:component>
            """;
    private static final String GOOD_ADS = """
            <AD id="enabled" type="Boolean" name="Enabled" description="Turns it on." default="true"/>
            <AD id="port" type="Integer" name="Port" description="UDP port to use." min="1" max="65535" default="5684"/>
            <AD id="mode" type="String" name="Mode" description="How it works." default="A">
              <Option label="First" value="A"/><Option label="Second" value="B"/>
            </AD>
            <AD id="hosts" type="String" cardinality="3" name="Hosts" description="Up to three hosts." default="a,b\\,c"/>
            <AD id="CloudPublisher.target" type="String" name="Publisher" description="Which publisher."
                default="(kura.service.pid=changeme)"/>
            <AD id="access.token" type="Password" required="false" name="Token" description="Shared token."/>
            """;

    private static String metatype(String ads) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
                  <OCD id="org.assure.example" name="Example" description="An example form for the rules.">
                """ + ads + """
                  </OCD>
                  <Designate pid="org.assure.example"><Object ocdref="org.assure.example"/></Designate>
                </metatype:MetaData>
                """;
    }

    private static List<String> check(String metatypeXml, String componentXml, String requireCapability) {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("OSGI-INF/metatype/" + PID + ".xml", metatypeXml.strip().getBytes(StandardCharsets.UTF_8));
        entries.put("OSGI-INF/" + PID + ".xml", componentXml.strip().getBytes(StandardCharsets.UTF_8));
        return KuraMetatypeRules.check("org.assure.synthetic", entries, List.of("OSGI-INF/" + PID + ".xml"),
                requireCapability);
    }

    private static List<String> checkAds(String ads) {
        return check(metatype(ads), GOOD_COMPONENT, "");
    }

    @Test
    void givenAFormThatFollowsEveryRule_thenNothingIsReported() {
        assertThat(check(metatype(GOOD_ADS), GOOD_COMPONENT,
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.4.0)(!(version>=2.0.0)))\""))
                .isEmpty();
    }

    @Test
    void givenBadAttributes_thenEachIsReportedWithBundleFileAndAttribute() {
        String file = "org.assure.synthetic: OSGI-INF/metatype/org.assure.example.xml: ";
        assertThat(checkAds("<AD id=\"a\" type=\"Character\" name=\"A\" description=\"An a.\" default=\"x\"/>"))
                .containsExactly(file + "AD a: type 'Character' is not one of Kura's [Boolean, Byte, Char, Double, "
                        + "Float, Integer, Long, Password, Short, String]");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" name=\"A\" description=\"An a.\"/>"))
                .containsExactly(file + "AD a: no default (Kura writes the defaults into the configuration)");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" name=\"A\" description=\"An a.\" default=\"\"/>"))
                .containsExactly(file + "AD a: required but its default is empty (Kura refuses an empty required field)");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" name=\"A\" description=\"\" default=\"x\"/>"))
                .containsExactly(file + "AD a: no description an operator can read");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" name=\"A\" description=\"a\" default=\"x\"/>"))
                .containsExactly(file + "AD a: no description an operator can read");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" description=\"An a.\" default=\"x\"/>"))
                .containsExactly(file + "AD a: no name");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" cardinality=\"-2\" name=\"A\" description=\"An a.\" default=\"x\"/>"))
                .containsExactly(file + "AD a: cardinality -2 (Kura shows no field below -1, ten at most)");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" cardinality=\"11\" name=\"A\" description=\"An a.\" default=\"x\"/>"))
                .containsExactly(file + "AD a: cardinality 11 (Kura shows no field below -1, ten at most)");
        assertThat(checkAds("<AD id=\"a\" type=\"Integer\" name=\"A\" description=\"An a.\" default=\"ten\"/>"))
                .containsExactly(file + "AD a: default 'ten' is not a Integer");
        assertThat(checkAds("<AD id=\"a\" type=\"Integer\" min=\"1\" max=\"9\" name=\"A\" description=\"An a.\" default=\"10\"/>"))
                .containsExactly(file + "AD a: default 10 above max 9");
        assertThat(checkAds("<AD id=\"a\" type=\"Integer\" min=\"1\" name=\"A\" description=\"An a.\" default=\"0\"/>"))
                .containsExactly(file + "AD a: default 0 below min 1");
        assertThat(checkAds("<AD id=\"a\" type=\"Boolean\" name=\"A\" description=\"An a.\" default=\"yes\"/>"))
                .containsExactly(file + "AD a: default 'yes' is not a Boolean");
        assertThat(checkAds("<AD id=\"a\" type=\"Integer\" cardinality=\"2\" name=\"A\" description=\"An a.\" default=\"1,x\"/>"))
                .containsExactly(file + "AD a: default 'x' is not a Integer");
        assertThat(checkAds("<AD id=\"a\" type=\"String\" name=\"A\" description=\"An a.\" default=\"C\">"
                + "<Option label=\"One\" value=\"A\"/></AD>"))
                .containsExactly(file + "AD a: default 'C' is not among its options");
        assertThat(checkAds("<AD id=\"a\" type=\"Integer\" name=\"A\" description=\"An a.\" default=\"1\">"
                + "<Option label=\"One\" value=\"1\"/><Option label=\"Two\" value=\"two\"/></AD>"))
                .containsExactly(file + "AD a: option value 'two' is not a Integer");
        assertThat(checkAds(GOOD_ADS + "<AD id=\"port\" type=\"Integer\" name=\"P\" description=\"Again.\" default=\"1\"/>"))
                .containsExactly(file + "AD port: duplicate id");
    }

    @Test
    void givenSecrets_thenTheyMustBePasswordsWithoutDefaults() {
        String file = "org.assure.synthetic: OSGI-INF/metatype/org.assure.example.xml: ";
        assertThat(checkAds("<AD id=\"mqtt.password\" type=\"String\" name=\"P\" description=\"The password.\" default=\"x\"/>"))
                .containsExactly(file + "AD mqtt.password: looks like a secret but is of type String, use Password");
        assertThat(checkAds("<AD id=\"psk\" type=\"String\" name=\"P\" description=\"The PSK.\" default=\"x\"/>"))
                .containsExactly(file + "AD psk: looks like a secret but is of type String, use Password");
        assertThat(checkAds("<AD id=\"factory.passphrase\" type=\"Password\" name=\"P\" description=\"The phrase.\" default=\"changeit\"/>"))
                .containsExactly(file + "AD factory.passphrase: a password has no default (it would ship in the jar)");
        assertThat(checkAds("<AD id=\"key.poll.seconds\" type=\"Integer\" name=\"K\" description=\"How often.\" default=\"15\"/>"))
                .as("'key' alone is no secret").isEmpty();
    }

    @Test
    void givenAReferenceTargetWithoutItsReference_thenItIsReported() {
        assertThat(checkAds("<AD id=\"Keystore.target\" type=\"String\" name=\"K\" description=\"Which keystore.\" "
                + "default=\"(objectClass=*)\"/>"))
                .containsExactly("org.assure.synthetic: OSGI-INF/metatype/org.assure.example.xml: AD Keystore.target:"
                        + " the component has no reference named Keystore");
    }

    @Test
    void givenLookupAndComponentMistakes_thenKuraWouldNotFindTheFormAndTheyAreReported() {
        String file = "org.assure.synthetic: OSGI-INF/metatype/org.assure.example.xml: ";
        assertThat(check(metatype(GOOD_ADS).replace("<OCD id=\"org.assure.example\"", "<OCD id=\"other\"")
                .replace("ocdref=\"org.assure.example\"", "ocdref=\"other\""), GOOD_COMPONENT, ""))
                .containsExactly(file + "no OCD with id org.assure.example (Kura reads OSGI-INF/metatype/<pid>.xml and"
                        + " uses the OCD whose id is that pid)");
        assertThat(check(metatype(GOOD_ADS).replace("<Designate pid=\"org.assure.example\"", "<Designate pid=\"x\""),
                GOOD_COMPONENT, ""))
                .containsExactly(file + "OCD org.assure.example is not designated under its own id (OCD id must be the"
                        + " pid or factoryPid)");
        assertThat(check(metatype(GOOD_ADS), GOOD_COMPONENT.replace("configuration-policy=\"require\"", ""), ""))
                .containsExactly(file + "component org.assure.example: configuration-policy is optional, Kura"
                        + " components use require");
        assertThat(check(metatype(GOOD_ADS), GOOD_COMPONENT.replace("org.eclipse.kura.configuration.", "x."), ""))
                .containsExactly(file + "component org.assure.example: does not provide"
                        + " org.eclipse.kura.configuration.ConfigurableComponent (Kura never shows its form)");
        assertThat(check(metatype(GOOD_ADS).replace("<AD id=\"enabled\"", "<metatype:AD id=\"enabled\"")
                .replace("default=\"true\"/>", "default=\"true\"></metatype:AD>"), GOOD_COMPONENT, ""))
                .containsExactly(file + "element metatype:AD must be unqualified (Kura matches literal names)");
        assertThat(check(metatype("<AD id=\"a\" type=\"String\" name=\"A\" description=\"An a.\" default=\"x\"/>")
                .replace("description=\"An example form for the rules.\"", ""), GOOD_COMPONENT, ""))
                .containsExactly(file + "OCD org.assure.example: no description an operator can read");
    }

    @Test
    void givenADs15Bundle_thenKura5CannotRunItAndThatIsReported() {
        List<String> violations = check(metatype(GOOD_ADS), GOOD_COMPONENT.replace("scr/v1.4.0", "scr/v1.5.0"),
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))\"");

        assertThat(violations).containsExactly(
                "org.assure.synthetic: OSGI-INF/org.assure.example.xml: DS namespace 1.5 (Kura 5 runs DS 1.4)",
                "org.assure.synthetic: META-INF/MANIFEST.MF: requires the osgi.component extender at 1.5 (Kura 5 runs"
                        + " Felix SCR 2.1.16, DS 1.4)");
    }

    @Test
    void givenADefaultWithAnEscapedComma_thenItIsOneValue() {
        assertThat(MetatypeValues.split("a,b\\,c")).isEqualTo(new ArrayList<>(List.of("a", "b,c")));
    }
}
