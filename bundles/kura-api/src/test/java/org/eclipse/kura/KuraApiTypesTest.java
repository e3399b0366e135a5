package org.eclipse.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every stand-in type exists with Kura's versioning role (KURA-API.md section 0): the roles decide the import
 * ranges of bundles built against the stand-in, so a wrong one would make them too narrow for Kura.
 */
class KuraApiTypesTest {

    private static final String CONSUMER_TYPE = "org.osgi.annotation.versioning.ConsumerType";
    private static final String PROVIDER_TYPE = "org.osgi.annotation.versioning.ProviderType";
    private static final String FUNCTIONAL_INTERFACE = "java.lang.FunctionalInterface";

    @Test
    void givenTheStandInClasses_whenTheirAnnotationsAreRead_thenTheTypesAndRolesEqualTheFactSheet() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        FactSheet.load(FactSheet.TYPES).forEach((type, roles) -> expected.put((String) type,
                new TreeSet<>(Set.of(((String) roles).trim().split("\\s+")))));

        Map<String, Set<String>> actual = new TreeMap<>();
        StandInBundle.analyze().typeAnnotations().forEach((type, annotations) -> actual.put(type, roles(annotations)));

        assertThat(actual).isEqualTo(expected);
    }

    private static Set<String> roles(Set<String> annotations) {
        Set<String> roles = new TreeSet<>();
        if (annotations.contains(CONSUMER_TYPE)) {
            roles.add("consumer");
        }
        if (annotations.contains(PROVIDER_TYPE)) {
            roles.add("provider");
        }
        if (roles.isEmpty()) {
            roles.add("none");
        }
        if (annotations.contains(FUNCTIONAL_INTERFACE)) {
            roles.add("functional");
        }
        return roles;
    }
}
