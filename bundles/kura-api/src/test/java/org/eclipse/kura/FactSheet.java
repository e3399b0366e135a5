package org.eclipse.kura;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Reads the data files transcribed from {@code shared/kura/KURA-API.md}. */
final class FactSheet {

    static final String EXPORTS = "/kura-api-exports.properties";
    static final String TYPES = "/kura-api-types.properties";
    static final String ENUMS = "/kura-api-enums.properties";
    static final String MEMBERS = "/kura-api-members.txt";

    private FactSheet() {
    }

    /** The Kura lines the export table has a column for, in column order. */
    static List<String> kuraLines() {
        return splitList(load(EXPORTS).getProperty("kura.lines"));
    }

    /** The line whose versions the stand-in exports. */
    static String targetLine() {
        return load(EXPORTS).getProperty("kura.target");
    }

    /** Package name to its export version in each Kura line. */
    static Map<String, Map<String, String>> exportVersionsByLine() {
        List<String> lines = kuraLines();
        Properties exports = load(EXPORTS);
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (String name : exports.stringPropertyNames()) {
            if (name.startsWith("kura.")) {
                continue;
            }
            List<String> versions = splitList(exports.getProperty(name));
            if (versions.size() != lines.size()) {
                throw new IllegalStateException(name + " needs one version per Kura line in " + EXPORTS);
            }
            Map<String, String> byLine = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                byLine.put(lines.get(i), versions.get(i));
            }
            result.put(name, byLine);
        }
        return result;
    }

    /** Package name to the version Kura exports it at in {@code line}. */
    static Map<String, String> exportVersions(String line) {
        return exportVersionsByLine().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(line)));
    }

    static Properties load(String resource) {
        try (InputStream in = FactSheet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
