package org.assure.distribution.kura;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;

/**
 * What a Kura gateway gives the bundles of a deployment package: the packages it exports (Kura's API, SLF4J, the
 * OSGi framework and compendium packages, the JRE's), its generic capabilities (execution environments, the DS
 * extender) and the bundles it installs itself. Read from the data files under {@code src/test/resources/kura}
 * so that what we claim about Kura is written down once, with its source, apart from the checking code.
 */
final class KuraPlatform {

    /** A bundle Kura installs itself, in a version range ({@code null}: any version). */
    record ProvidedBundle(String symbolicName, VersionRange versions) {
        ProvidedBundle {
            Objects.requireNonNull(symbolicName, "symbolicName");
        }

        boolean covers(String bsn, Version version) {
            return symbolicName.equals(bsn) && (versions == null || versions.includes(version));
        }
    }

    private final String name;
    private final List<String> lines;
    private final Resource resource;
    private final List<ProvidedBundle> bundles;

    private KuraPlatform(String name, List<String> lines) {
        this.name = name;
        this.lines = List.copyOf(lines);
        ResourceBuilder builder = new ResourceBuilder();
        List<ProvidedBundle> provided = new ArrayList<>();
        for (String raw : this.lines) {
            String line = stripComment(raw);
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+", 2);
            switch (f[0]) {
                case "package" -> {
                    String[] p = f[1].split("\\s+");
                    if (p.length != 2) {
                        throw new IllegalArgumentException(name + ": package line needs a name and a version: " + raw);
                    }
                    builder.addExportPackages(new Parameters(p[0] + ";version=" + Version.parseVersion(p[1])));
                }
                case "jre" -> builder.addExportPackages(new Parameters(f[1].trim() + ";version=0.0.0"));
                case "capability" -> builder.addProvideCapabilities(new Parameters(f[1].trim()));
                case "bundle" -> {
                    String[] b = f[1].trim().split("\\s+", 2);
                    provided.add(new ProvidedBundle(b[0], b.length > 1 ? new VersionRange(b[1]) : null));
                }
                default -> throw new IllegalArgumentException(name + ": unknown line kind: " + raw);
            }
        }
        this.resource = builder.build();
        this.bundles = List.copyOf(provided);
    }

    /** Kura 5.3 (the oldest Kura on Java 17) on a Java 17 JRE. */
    static KuraPlatform kura53() {
        List<String> lines = new ArrayList<>(readResource("kura/kura-5.3-platform.txt"));
        for (String p : readResource("kura/jre-17-packages.txt")) {
            String line = stripComment(p);
            if (!line.isEmpty()) {
                lines.add("jre " + line);
            }
        }
        return new KuraPlatform("Kura 5.3 on Java 17", lines);
    }

    /** This platform with the data lines that {@code drop} selects removed and {@code add} appended. */
    KuraPlatform altered(String newName, Predicate<String> drop, List<String> add) {
        List<String> changed = new ArrayList<>(lines.stream().filter(drop.negate()).toList());
        changed.addAll(add);
        return new KuraPlatform(newName, changed);
    }

    String name() {
        return name;
    }

    List<Capability> capabilities() {
        return resource.getCapabilities(null);
    }

    List<ProvidedBundle> bundles() {
        return bundles;
    }

    /**
     * The data lines of one kind ({@code package}, {@code jre}, {@code capability}, {@code bundle}), each without
     * its kind and comment: what {@link KuraFramework} gives an OSGi framework to play this platform.
     */
    List<String> lines(String kind) {
        List<String> out = new ArrayList<>();
        for (String raw : lines) {
            String line = stripComment(raw);
            String[] f = line.split("\\s+", 2);
            if (f.length == 2 && f[0].equals(kind)) {
                out.add(f[1].trim());
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    private static List<String> readResource(String path) {
        try (InputStream in = KuraPlatform.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
