package org.assure.itests.bundles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Kura's rules for a bundle's metatype and components (shared/kura/KURA-API.md §4, §10; STYLE.md "Configuration"),
 * checked on the files bnd generated. Each violation is one line naming the bundle, the file and the attribute.
 *
 * <ol>
 * <li>XML: root {@code MetaData} in a metatype 1.x namespace; child elements unqualified and among the names Kura's
 * parser matches literally ({@code OCD AD Option Icon Designate Object}).</li>
 * <li>Lookup: the file is {@code OSGI-INF/metatype/<pid>.xml} and holds the OCD whose id is that pid; the OCD id is
 * a Designate {@code pid} or {@code factoryPid} whose {@code Object ocdref} is the OCD.</li>
 * <li>Forms: OCD and every AD have a name and a description an operator can read (not blank, not the id).</li>
 * <li>Types: one of Kura's ten case-sensitive names ({@code Character} is refused).</li>
 * <li>Cardinality: 0, -1 or 1..10 (below -1 Kura shows no field, above 10 only ten).</li>
 * <li>Defaults: every AD but a password has one (Kura writes the defaults into the configuration); a required AD's
 * default is not empty (Kura refuses an empty required field); each default value parses as the type, lies in
 * min..max and among the options.</li>
 * <li>Secrets: an AD whose id names a secret (password, passphrase, secret, token, psk, credential, private key) is a
 * {@code Password}; a password has no default (it would ship in the jar).</li>
 * <li>Reference targets: an AD {@code <Ref>.target} is a String and the component has a reference {@code Ref}.</li>
 * <li>Components: the component named after the designated pid exists, has {@code configuration-policy="require"}
 * and provides {@code org.eclipse.kura.configuration.ConfigurableComponent} (else Kura never shows the form).</li>
 * <li>Runtime: Kura 5 runs Felix SCR 2.1.16 (DS 1.4): component XML at most namespace 1.4, and the bundle's
 * {@code osgi.extender=osgi.component} requirement must accept version 1.4.</li>
 * </ol>
 */
final class KuraMetatypeRules {
    static final Set<String> KURA_TYPES = Set.of("String", "Long", "Double", "Float", "Integer", "Byte", "Char",
            "Boolean", "Short", "Password");
    static final Set<String> CHILD_ELEMENTS = Set.of("OCD", "AD", "Option", "Icon", "Designate", "Object");
    static final String CONFIGURABLE_COMPONENT = "org.eclipse.kura.configuration.ConfigurableComponent";
    static final Pattern SECRET_ID = Pattern.compile(
            "(?i).*(password|passphrase|passwd|secret|token|psk|credential|private[._-]?key|api[._-]?key).*");
    private static final Pattern METATYPE_NAMESPACE = Pattern.compile("http://www\\.osgi\\.org/xmlns/metatype/v1\\.[0-9]\\.[0-9]");
    private static final Pattern SCR_NAMESPACE = Pattern.compile("http://www\\.osgi\\.org/xmlns/scr/v1\\.([0-9])\\.[0-9]");
    private static final Pattern EXTENDER_FLOOR = Pattern.compile(
            "osgi\\.extender=osgi\\.component\\)\\(version>=([0-9]+)\\.([0-9]+)");

    /** A component description, as far as the rules need it. */
    record ComponentXml(String name, String configurationPolicy, Set<String> provides, Set<String> references,
            int dsMinorVersion) {
    }

    private final String bundle;
    private final List<String> violations = new ArrayList<>();

    private KuraMetatypeRules(String bundle) {
        this.bundle = bundle;
    }

    /**
     * Checks one bundle.
     *
     * @param bundle            the bundle's symbolic name, for the messages
     * @param entries           jar entries by path: every {@code OSGI-INF/metatype/*.xml} and component XML
     * @param serviceComponents the {@code Service-Component} header's paths
     * @param requireCapability the {@code Require-Capability} header, or empty
     * @return the violations, empty if the bundle follows every rule
     */
    static List<String> check(String bundle, Map<String, byte[]> entries, List<String> serviceComponents,
            String requireCapability) {
        KuraMetatypeRules rules = new KuraMetatypeRules(bundle);
        Map<String, ComponentXml> components = new HashMap<>();
        for (String path : serviceComponents) {
            byte[] xml = entries.get(path);
            if (xml == null) {
                rules.fail(path, "listed in Service-Component but missing");
                continue;
            }
            rules.readComponent(path, xml).ifPresent(c -> components.put(c.name(), c));
        }
        boolean metatype = false;
        for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
            if (entry.getKey().startsWith("OSGI-INF/metatype/") && entry.getKey().endsWith(".xml")) {
                metatype = true;
                rules.checkMetatype(entry.getKey(), entry.getValue(), components);
            }
        }
        if (metatype || !components.isEmpty()) {
            rules.checkRuntime(components, requireCapability);
        }
        return List.copyOf(rules.violations);
    }

    private void fail(String file, String problem) {
        violations.add(bundle + ": " + file + ": " + problem);
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private java.util.Optional<ComponentXml> readComponent(String path, byte[] xml) {
        try {
            Element root = parse(xml).getDocumentElement();
            java.util.regex.Matcher ns = SCR_NAMESPACE.matcher(String.valueOf(root.getNamespaceURI()));
            int minor = ns.matches() ? Integer.parseInt(ns.group(1)) : 0;
            Set<String> provides = new HashSet<>();
            Set<String> references = new HashSet<>();
            for (Element child : children(root)) {
                if (child.getLocalName().equals("service")) {
                    for (Element provide : children(child)) {
                        provides.add(provide.getAttribute("interface"));
                    }
                } else if (child.getLocalName().equals("reference")) {
                    references.add(child.getAttribute("name"));
                }
            }
            String policy = root.hasAttribute("configuration-policy") ? root.getAttribute("configuration-policy")
                    : "optional";
            return java.util.Optional.of(new ComponentXml(root.getAttribute("name"), policy, provides, references,
                    minor));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            fail(path, "component XML does not parse: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void checkMetatype(String path, byte[] xml, Map<String, ComponentXml> components) {
        Document document;
        try {
            document = parse(xml);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            fail(path, "metatype XML does not parse: " + e.getMessage());
            return;
        }
        Element root = document.getDocumentElement();
        if (!"MetaData".equals(root.getLocalName())
                || !METATYPE_NAMESPACE.matcher(String.valueOf(root.getNamespaceURI())).matches()) {
            fail(path, "root must be MetaData in a metatype 1.x namespace");
            return;
        }
        checkChildNames(path, root);
        String pid = path.substring("OSGI-INF/metatype/".length(), path.length() - ".xml".length());
        Map<String, Element> ocds = new HashMap<>();
        for (Element ocd : children(root, "OCD")) {
            ocds.put(ocd.getAttribute("id"), ocd);
        }
        Element ocd = ocds.get(pid);
        if (ocd == null) {
            fail(path, "no OCD with id " + pid + " (Kura reads OSGI-INF/metatype/<pid>.xml and uses the OCD whose id "
                    + "is that pid)");
            return;
        }
        String designated = null;
        boolean factory = false;
        for (Element designate : children(root, "Designate")) {
            for (Element object : children(designate, "Object")) {
                if (object.getAttribute("ocdref").equals(pid)) {
                    factory = !designate.getAttribute("factoryPid").isEmpty();
                    designated = factory ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
                }
            }
        }
        if (designated == null || !designated.equals(pid)) {
            fail(path, "OCD " + pid + " is not designated under its own id (OCD id must be the pid or factoryPid)");
        }
        checkReadable(path, "OCD " + pid, pid, ocd);
        ComponentXml component = components.get(pid);
        checkComponent(path, pid, component);
        Set<String> ids = new HashSet<>();
        for (Element ad : children(ocd, "AD")) {
            String id = ad.getAttribute("id");
            if (!ids.add(id)) {
                fail(path, "AD " + id + ": duplicate id");
            }
            checkAttribute(path, ad, component);
        }
    }

    private void checkChildNames(String path, Element element) {
        for (Element child : children(element)) {
            if (child.getNamespaceURI() != null || child.getPrefix() != null) {
                fail(path, "element " + child.getTagName() + " must be unqualified (Kura matches literal names)");
            } else if (!CHILD_ELEMENTS.contains(child.getLocalName())) {
                fail(path, "element " + child.getLocalName() + " is not one Kura reads");
            }
            checkChildNames(path, child);
        }
    }

    private void checkReadable(String path, String what, String id, Element element) {
        String name = element.getAttribute("name").strip();
        String description = element.getAttribute("description").strip();
        if (name.isEmpty()) {
            fail(path, what + ": no name");
        }
        if (description.isEmpty() || description.equals(id) || description.equals(name)) {
            fail(path, what + ": no description an operator can read");
        }
    }

    private void checkComponent(String path, String pid, ComponentXml component) {
        if (component == null) {
            fail(path, "no component named " + pid + " (Kura configures the component whose name is the pid)");
            return;
        }
        if (!component.configurationPolicy().equals("require")) {
            fail(path, "component " + pid + ": configuration-policy is " + component.configurationPolicy()
                    + ", Kura components use require");
        }
        if (!component.provides().contains(CONFIGURABLE_COMPONENT)) {
            fail(path, "component " + pid + ": does not provide " + CONFIGURABLE_COMPONENT
                    + " (Kura never shows its form)");
        }
    }

    private void checkAttribute(String path, Element ad, ComponentXml component) {
        String id = ad.getAttribute("id");
        String what = "AD " + id;
        if (id.isBlank()) {
            fail(path, "AD without id");
            return;
        }
        checkReadable(path, what, id, ad);
        String type = ad.getAttribute("type");
        if (!KURA_TYPES.contains(type)) {
            fail(path, what + ": type '" + type + "' is not one of Kura's " + KURA_TYPES.stream().sorted().toList());
            return;
        }
        int cardinality = 0;
        if (ad.hasAttribute("cardinality")) {
            try {
                cardinality = Integer.parseInt(ad.getAttribute("cardinality"));
            } catch (NumberFormatException e) {
                fail(path, what + ": cardinality is not an integer");
            }
        }
        if (cardinality < -1 || cardinality > 10) {
            fail(path, what + ": cardinality " + cardinality + " (Kura shows no field below -1, ten at most)");
        }
        boolean required = !ad.hasAttribute("required") || Boolean.parseBoolean(ad.getAttribute("required"));
        boolean password = type.equals("Password");
        if (SECRET_ID.matcher(id).matches() && !password) {
            fail(path, what + ": looks like a secret but is of type " + type + ", use Password");
        }
        if (password) {
            if (ad.hasAttribute("default")) {
                fail(path, what + ": a password has no default (it would ship in the jar)");
            }
        } else if (!ad.hasAttribute("default")) {
            fail(path, what + ": no default (Kura writes the defaults into the configuration)");
        } else {
            MetatypeValues.problems(ad, type, cardinality, required).forEach(problem -> fail(path, what + problem));
        }
        if (id.endsWith(".target")) {
            String reference = id.substring(0, id.length() - ".target".length());
            if (!type.equals("String")) {
                fail(path, what + ": a reference target is a String filter");
            }
            if (component != null && !component.references().contains(reference)) {
                fail(path, what + ": the component has no reference named " + reference);
            }
        }
        for (Element option : children(ad, "Option")) {
            if (option.getAttribute("label").isBlank()) {
                fail(path, what + ": option " + option.getAttribute("value") + " without label");
            }
            if (!MetatypeValues.parses(type, option.getAttribute("value"))) {
                fail(path, what + ": option value '" + option.getAttribute("value") + "' is not a " + type);
            }
        }
    }

    private void checkRuntime(Map<String, ComponentXml> components, String requireCapability) {
        for (ComponentXml component : components.values()) {
            if (component.dsMinorVersion() > 4) {
                fail("OSGI-INF/" + component.name() + ".xml", "DS namespace 1." + component.dsMinorVersion()
                        + " (Kura 5 runs DS 1.4)");
            }
        }
        if (components.isEmpty()) {
            return;
        }
        java.util.regex.Matcher floor = EXTENDER_FLOOR.matcher(requireCapability.replace(" ", ""));
        if (floor.find() && (Integer.parseInt(floor.group(1)) > 1
                || Integer.parseInt(floor.group(1)) == 1 && Integer.parseInt(floor.group(2)) > 4)) {
            fail("META-INF/MANIFEST.MF", "requires the osgi.component extender at " + floor.group(1) + "."
                    + floor.group(2) + " (Kura 5 runs Felix SCR 2.1.16, DS 1.4)");
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(e -> name.equals(e.getLocalName())).toList();
    }
}
