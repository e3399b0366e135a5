package org.eclipse.kura;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Descriptors.TypeRef;
import aQute.bnd.osgi.Jar;

/**
 * The stand-in as bnd builds it: the compiled main classes analysed with the module's {@code bnd.bnd}, the way
 * bnd-maven-plugin does, without depending on the packaging phase.
 */
final class StandInBundle {

    static final String SYMBOLIC_NAME = "org.assure.kura.api";

    private StandInBundle() {
    }

    /** One analysis: the computed manifest, each type's annotations, and bnd's errors and warnings. */
    record Analysis(Manifest manifest, Map<String, Set<String>> typeAnnotations, Set<String> problems) {

        String header(String name) {
            return this.manifest.getMainAttributes().getValue(name);
        }
    }

    static Analysis analyze() throws Exception {
        try (Analyzer analyzer = new Analyzer()) {
            analyzer.setJar(classesWithoutManifest());
            analyzer.setProperties(bndFile().toFile());
            analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, SYMBOLIC_NAME);
            Manifest manifest = analyzer.calcManifest();
            Map<String, Set<String>> annotations = new TreeMap<>();
            for (Clazz clazz : analyzer.getClassspace().values()) {
                String name = clazz.getClassName().getFQN();
                if (!name.endsWith(".package-info")) {
                    annotations.put(name, clazz.annotations().stream().map(TypeRef::getFQN).collect(Collectors.toSet()));
                }
            }
            Set<String> problems = new LinkedHashSet<>(analyzer.getErrors());
            problems.addAll(analyzer.getWarnings());
            return new Analysis(manifest, annotations, problems);
        }
    }

    /** The stand-in's classes with {@code manifest}, to put on the class path of a consumer's analysis. */
    static Jar asBundle(Manifest manifest) throws IOException {
        Jar jar = classesWithoutManifest();
        jar.setManifest(manifest);
        return jar;
    }

    private static Jar classesWithoutManifest() throws IOException {
        Jar jar = new Jar(classesDirectory().toFile());
        // bnd-maven-plugin already wrote a manifest there; recompute from the classes instead of trusting it
        jar.remove(JarFile.MANIFEST_NAME);
        return jar;
    }

    private static Path classesDirectory() {
        try {
            return Path.of(KuraException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path bndFile() {
        // target/classes -> module directory
        return classesDirectory().getParent().getParent().resolve("bnd.bnd");
    }
}
