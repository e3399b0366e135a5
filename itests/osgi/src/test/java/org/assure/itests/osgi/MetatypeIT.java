package org.assure.itests.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The bundles in a real framework, before anything is configured: every bundle resolves and starts, and every
 * configurable aSSURE component has a form the framework's MetaTypeService reads (Kura builds its configuration pages
 * from it): one OCD per configuration PID, a type on every attribute, defaults that parse as that type and pass the
 * attribute's own limits, and PASSWORD for every secret.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetatypeIT {
    /** Every configuration PID of the aSSURE components; the test also finds them in SCR and compares. */
    static final Set<String> PIDS = Set.of("org.assure.keystore", "org.assure.channels", "org.assure.channels.ip",
            "org.assure.bootstrap", "org.assure.kura.CloudEventPublisher", "org.assure.kura.CloudRequestHandler",
            "org.assure.authority.TrustedAuthority", "org.assure.authority.ManagementServer");
    private static final Pattern SECRET = Pattern.compile("(?i).*(passphrase|password|secret|token|private).*");
    private static final Set<Integer> TYPES = Set.of(AttributeDefinition.STRING, AttributeDefinition.LONG,
            AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.CHARACTER,
            AttributeDefinition.BYTE, AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT, AttributeDefinition.BOOLEAN,
            AttributeDefinition.PASSWORD);

    @Configuration
    public Option[] config() {
        return ExamRuntime.options("metatype");
    }

    @Test
    public void every_bundle_resolves_and_starts() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : Osgi.context().getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " state " + bundle.getState());
            }
        }
        assertThat(notActive).isEmpty();
        assertThat(Arrays.stream(Osgi.context().getBundles()).map(Bundle::getSymbolicName))
                .contains("org.assure.kura.api", "org.assure.core", "org.assure.dtls", "org.assure.keystore",
                        "org.assure.channels", "org.assure.bootstrap", "org.assure.kura", "org.assure.authority");
    }

    @Test
    public void every_component_waits_for_its_configuration() {
        Set<String> required = new TreeSet<>();
        for (ComponentDescriptionDTO description : Osgi.service(ServiceComponentRuntime.class)
                .getComponentDescriptionDTOs()) {
            if (description.bundle.symbolicName.startsWith("org.assure.")) {
                // Kura's rule: configuration required, component name = configuration PID
                assertThat(description.configurationPolicy).as(description.name).isEqualTo("require");
                assertThat(description.configurationPid).as(description.name).containsExactly(description.name);
                required.add(description.name);
                assertThat(Osgi.state(description.name)).as(description.name + " before its configuration").isEqualTo(-1);
            }
        }
        assertThat(required).isEqualTo(new TreeSet<>(PIDS));
    }

    @Test
    public void every_pid_has_a_valid_form() {
        MetaTypeService metatype = Osgi.service(MetaTypeService.class);
        Set<String> found = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : Osgi.context().getBundles()) {
            if (!bundle.getSymbolicName().startsWith("org.assure.")) {
                continue;
            }
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                found.add(pid);
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd == null) {
                    problems.add(pid + ": no OCD");
                    continue;
                }
                check(pid, ocd, problems);
            }
            assertThat(info.getFactoryPids()).as(bundle.getSymbolicName() + " factory PIDs").isEmpty();
        }
        assertThat(problems).isEmpty();
        assertThat(found).isEqualTo(new TreeSet<>(PIDS));
    }

    private static void check(String pid, ObjectClassDefinition ocd, List<String> problems) {
        if (!pid.equals(ocd.getID())) {
            problems.add(pid + ": OCD id " + ocd.getID());
        }
        if (blank(ocd.getName()) || blank(ocd.getDescription())) {
            problems.add(pid + ": OCD without name or description");
        }
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (ads == null || ads.length == 0) {
            problems.add(pid + ": no attributes");
            return;
        }
        for (AttributeDefinition ad : ads) {
            String where = pid + "/" + ad.getID();
            if (!TYPES.contains(ad.getType())) {
                problems.add(where + ": type " + ad.getType());
            }
            if (blank(ad.getName()) || blank(ad.getDescription())) {
                problems.add(where + ": no name or description");
            }
            if (SECRET.matcher(ad.getID()).matches() && ad.getType() != AttributeDefinition.PASSWORD) {
                problems.add(where + ": a secret that is not a PASSWORD attribute");
            }
            String[] defaults = ad.getDefaultValue();
            if (ad.getType() == AttributeDefinition.PASSWORD) {
                if (defaults != null && Arrays.stream(defaults).anyMatch(d -> !d.isEmpty())) {
                    problems.add(where + ": a secret with a default value");
                }
                continue;
            }
            for (String value : defaults == null ? new String[0] : defaults) {
                if (!parses(ad.getType(), value)) {
                    problems.add(where + ": default '" + value + "' is not of type " + ad.getType());
                } else if (!valid(ad, value)) {
                    problems.add(where + ": default '" + value + "' fails its own limits: " + ad.validate(value));
                }
            }
            String[] options = ad.getOptionValues();
            if (options != null) {
                if (ad.getOptionLabels() == null || ad.getOptionLabels().length != options.length) {
                    problems.add(where + ": options without labels");
                }
                for (String option : options) {
                    if (!parses(ad.getType(), option)) {
                        problems.add(where + ": option '" + option + "' is not of type " + ad.getType());
                    }
                }
            }
        }
    }

    /** Felix metatype's validate: null = not validated, "" = valid, else the reason. */
    private static boolean valid(AttributeDefinition ad, String value) {
        String result = ad.validate(value);
        return result == null || result.isEmpty();
    }

    private static boolean parses(int type, String value) {
        try {
            switch (type) {
                case AttributeDefinition.INTEGER -> Integer.parseInt(value);
                case AttributeDefinition.LONG -> Long.parseLong(value);
                case AttributeDefinition.SHORT -> Short.parseShort(value);
                case AttributeDefinition.BYTE -> Byte.parseByte(value);
                case AttributeDefinition.DOUBLE -> Double.parseDouble(value);
                case AttributeDefinition.FLOAT -> Float.parseFloat(value);
                case AttributeDefinition.CHARACTER -> {
                    if (value.length() != 1) {
                        return false;
                    }
                }
                case AttributeDefinition.BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return false;
                    }
                }
                default -> {
                    // STRING: any text
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
