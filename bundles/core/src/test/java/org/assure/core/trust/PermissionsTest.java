package org.assure.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assure.core.model.IdentityClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PermissionsTest {
    private static final List<String> COLUMNS = new ArrayList<>();
    private static final Map<String, String> ROWS = new LinkedHashMap<>();
    private static final List<String> OWNER_SIGNERS = new ArrayList<>();

    static {
        try (InputStream in = PermissionsTest.class.getResourceAsStream("/vectors/trust/permission-matrix.json");
                JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "columns" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            COLUMNS.add(p.getText());
                        }
                    }
                    case "rows" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String row = p.currentName();
                            p.nextToken();
                            ROWS.put(row, p.getText());
                        }
                    }
                    case "owner_information_signers" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            OWNER_SIGNERS.add(p.getText());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        ROWS.forEach((signer, flags) -> {
            for (int c = 0; c < COLUMNS.size(); c++) {
                cells.add(Arguments.of(signer, COLUMNS.get(c), flags.charAt(c) == 'Y'));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} may sign {1}: {2}")
    @MethodSource("cells")
    void given_the_profile_matrix_when_asked_then_each_cell_matches(String signer, String subject, boolean allowed) {
        IdentityClass signerClass = IdentityClass.valueOf(signer);
        boolean actual = switch (subject) {
            case "CONFIGURATION" -> Permissions.maySign(signerClass, Permissions.Artifact.CONFIGURATION);
            case "BOOTSTRAP_IMAGE" -> Permissions.maySign(signerClass, Permissions.Artifact.BOOTSTRAP_IMAGE);
            case "DATA" -> Permissions.maySign(signerClass, Permissions.Artifact.DATA);
            default -> Permissions.maySign(signerClass, IdentityClass.valueOf(subject));
        };
        assertThat(actual).isEqualTo(allowed);
    }

    @Test
    void given_the_matrix_file_then_it_covers_every_class() {
        assertThat(ROWS).hasSize(IdentityClass.values().length);
        assertThat(cells()).hasSize(6 * 9);
    }

    @Test
    void given_owner_information_then_only_manufacturer_and_trusted_authority_sign_it() {
        assertThat(Permissions.signersOf(Permissions.Artifact.OWNER_INFORMATION))
                .containsExactlyInAnyOrderElementsOf(OWNER_SIGNERS.stream().map(IdentityClass::valueOf).toList());
    }
}
