package org.assure.itests.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ops4j.pax.exam.Option;

/**
 * The runtime every in-framework test runs in: Equinox (the Pax Exam native container) with Felix SCR, ConfigAdmin
 * and Metatype, SLF4J 2 (its provider found through Aries SPI Fly), the kura-api bundle, the aSSURE bundles and the
 * third-party bundles they import. Every bundle is a jar Maven resolved for this module (the reactor's own artifacts
 * for ours), found on the test class path by its symbolic name (jul-to-slf4j in the directory the build copied it
 * to), so what runs is what the build produced.
 *
 * <p>One exception, found by running the bundles together: Californium 3.14's bundles import {@code org.slf4j}
 * only below 2.0, Jetty 12 only from 2.0, and the authority bundle sees both (uses constraints), so no framework
 * resolves it with the jars as published. The runtime installs Californium's two bundles with that one import
 * (and {@code org.slf4j.event}) widened to {@code [1.7,3)} (manifest only, classes untouched; SLF4J 2 keeps the 1.7 API) — the same repackaging a
 * deployment with SLF4J 2 (Kura 6, the standalone runtime) needs.
 *
 * <p>Runs on the driver side (outside the framework) only: it builds Pax Exam options.
 */
final class ExamRuntime {
    /** Bundles installed, in order; every one must be on the class path. */
    static final List<String> BUNDLES = List.of(
            // OSGi services the aSSURE bundles need from a runtime (Kura provides the same)
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr",
            "org.apache.felix.configadmin", "org.apache.felix.metatype",
            // logging: SLF4J 2, its simple provider registered through the ServiceLoader Mediator, JUL bridge
            "org.objectweb.asm", "org.objectweb.asm.tree", "org.objectweb.asm.commons", "org.objectweb.asm.tree.analysis",
            "org.objectweb.asm.util", "org.apache.aries.spifly.dynamic.bundle", "slf4j.api", "slf4j.simple",
            "jul.to.slf4j",
            // third-party libraries our bundles import
            "bcprov", "bcutil", "bcpkix", "com.fasterxml.jackson.core.jackson-core",
            "com.fasterxml.jackson.core.jackson-annotations", "com.fasterxml.jackson.core.jackson-databind",
            "com.fasterxml.jackson.dataformat.jackson-dataformat-cbor", "org.eclipse.californium.element-connector",
            "org.eclipse.californium.core", "org.eclipse.jetty.util", "org.eclipse.jetty.io", "org.eclipse.jetty.http",
            "org.eclipse.jetty.server", "com.h2database",
            // ours
            "org.assure.kura.api", "org.assure.core", "org.assure.dtls", "org.assure.keystore", "org.assure.channels",
            "org.assure.bootstrap", "org.assure.kura", "org.assure.authority",
            // assertions inside the framework
            "net.bytebuddy.byte-buddy", "assertj-core");

    private static final java.util.Set<String> LOGGING = java.util.Set.of("org.objectweb.asm", "org.objectweb.asm.tree",
            "org.objectweb.asm.commons", "org.objectweb.asm.tree.analysis", "org.objectweb.asm.util",
            "org.apache.aries.spifly.dynamic.bundle", "slf4j.api", "slf4j.simple");

    /** Californium's imports of SLF4J packages as published ({@code org.slf4j}, {@code org.slf4j.event}). */
    private static final Pattern CALIFORNIUM_SLF4J = Pattern.compile("(org\\.slf4j(?:\\.event)?;version=\"\\[1\\.7),2\\)\"");

    /** What a second gateway framework installs (see {@link SecondGateway}): the bundles without the authority's. */
    static final java.util.Set<String> NOT_ON_A_GATEWAY = java.util.Set.of("org.eclipse.jetty.util",
            "org.eclipse.jetty.io", "org.eclipse.jetty.http", "org.eclipse.jetty.server", "com.h2database",
            "org.assure.authority", "net.bytebuddy.byte-buddy", "assertj-core");

    private ExamRuntime() {
    }

    /**
     * @param log name of the file under target/itests that the framework's SLF4J log goes to (the tests read it:
     *            clear messages for refused configurations, never a secret)
     */
    static Option[] options(String log) {
        Map<String, File> jars = bundlesOnClassPath();
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(junitBundles());
        Path dir = Path.of(System.getProperty("assure.itests.dir", "target/itests")).toAbsolutePath();
        options.add(systemProperty("org.slf4j.simpleLogger.logFile").value(dir.resolve(log + ".log").toString()));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"));
        options.add(systemProperty("org.slf4j.simpleLogger.showDateTime").value("true"));
        List<String> gateway = new ArrayList<>();
        for (String name : BUNDLES) {
            File jar = jars.get(name);
            if (jar == null) {
                throw new IllegalStateException("bundle " + name + " is not on the test class path; there are "
                        + jars.keySet());
            }
            if (name.startsWith("org.eclipse.californium.")) {
                jar = widenSlf4jImport(jar);
            }
            // logging starts first: Pax Exam's own bundles (start level 2) already log, and SLF4J 2 settles on a
            // provider (or on none) at its first use
            options.add(LOGGING.contains(name) ? bundle(jar.toURI().toString()).startLevel(1)
                    : bundle(jar.toURI().toString()));
            if (!NOT_ON_A_GATEWAY.contains(name)) {
                gateway.add(jar.toURI().toString());
            }
        }
        options.add(systemProperty(SecondGateway.BUNDLES_PROPERTY).value(String.join(",", gateway)));
        return options.toArray(Option[]::new);
    }

    /** A copy of {@code jar} whose Import-Package accepts SLF4J 2 (see the class comment). */
    private static File widenSlf4jImport(File jar) {
        try (JarFile in = new JarFile(jar)) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            String imports = main.getValue("Import-Package");
            Matcher slf4j = CALIFORNIUM_SLF4J.matcher(imports == null ? "" : imports);
            if (!slf4j.find()) {
                throw new IllegalStateException(jar.getName() + " no longer imports SLF4J below 2; drop the widening");
            }
            main.putValue("Import-Package", slf4j.replaceAll("$1,3)\""));
            Path dir = Files.createDirectories(Path.of(System.getProperty("assure.itests.dir", "target/itests"))
                    .resolve("framework-bundles"));
            Path out = dir.resolve(jar.getName());
            try (OutputStream file = Files.newOutputStream(out); JarOutputStream target = new JarOutputStream(file, manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                        continue;
                    }
                    target.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(target);
                    }
                    target.closeEntry();
                }
            }
            return out.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, File> bundlesOnClassPath() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        // jul-to-slf4j of the SLF4J 2 line, copied there by the build (the class path's SLF4J is 2 already)
        File[] copied = Path.of(System.getProperty("assure.itests.dir", "target/itests")).resolve("framework-bundles")
                .toFile().listFiles((dir, name) -> name.startsWith("jul-to-slf4j-"));
        if (copied == null || copied.length != 1) {
            throw new IllegalStateException("jul-to-slf4j was not copied to target/itests/framework-bundles");
        }
        entries.add(copied[0].getPath());
        Map<String, File> jars = new LinkedHashMap<>();
        for (String entry : entries) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                Manifest manifest = jar.getManifest();
                String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn != null) {
                    jars.put(bsn.split(";")[0].trim(), new File(entry));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jars;
    }
}
