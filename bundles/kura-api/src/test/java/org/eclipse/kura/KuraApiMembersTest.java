package org.eclipse.kura;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Signatures are what binary compatibility with Kura rests on: every public member of every stand-in type must be
 * exactly the one transcribed from KURA-API.md, and nothing more.
 */
class KuraApiMembersTest {

    @Test
    void givenEveryStandInType_whenItsPublicMembersAreListed_thenTheyEqualTheFactSheet() throws Exception {
        List<String> actual = new ArrayList<>();
        for (Class<?> type : standInTypes()) {
            Stream.of(type.getDeclaredConstructors(), type.getDeclaredMethods(), type.getDeclaredFields())
                    .flatMap(Arrays::stream).filter(KuraApiMembersTest::isApi)
                    .map(KuraApiMembersTest::describe).forEach(actual::add);
        }

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expectedMembers());
    }

    @Test
    void givenEveryStandInEnum_whenItsConstantsAreListed_thenTheyEqualTheFactSheetInOrder() throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        FactSheet.load(FactSheet.ENUMS).forEach((type, constants) -> expected.put((String) type,
                FactSheet.splitList((String) constants)));

        Map<String, List<String>> actual = new TreeMap<>();
        for (Class<?> type : standInTypes()) {
            if (type.isEnum()) {
                actual.put(type.getName(), Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .toList());
            }
        }

        assertThat(actual).isEqualTo(expected);
    }

    private static List<Class<?>> standInTypes() throws ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        for (String name : FactSheet.load(FactSheet.TYPES).stringPropertyNames()) {
            types.add(Class.forName(name));
        }
        return types;
    }

    private static boolean isApi(Member member) {
        if (member.isSynthetic() || !(Modifier.isPublic(member.getModifiers())
                || Modifier.isProtected(member.getModifiers()))) {
            return false;
        }
        if (member instanceof Field field && field.isEnumConstant()) {
            return false;
        }
        // values() and valueOf(String) come from the compiler for every enum
        return !(member instanceof Method method && method.getDeclaringClass().isEnum()
                && Modifier.isStatic(method.getModifiers())
                && (method.getName().equals("values") || method.getName().equals("valueOf")));
    }

    private static String describe(Member member) {
        String deprecated = ((AnnotatedElement) member).isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "";
        String signature = member instanceof Executable executable ? executable.toGenericString()
                : ((Field) member).toGenericString();
        return deprecated + signature;
    }

    private static List<String> expectedMembers() throws IOException {
        try (InputStream in = KuraApiMembersTest.class.getResourceAsStream(FactSheet.MEMBERS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
