package org.assure.distribution.kura;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import aQute.bnd.version.Version;

/**
 * A deployment package (OSGi Compendium chapter 114) read the way Kura's Deployment Admin (Felix DeploymentAdmin
 * 0.9.5) reads it: as a stream, manifest first, then each entry in order. {@link #problems()} lists every way it
 * departs from what Deployment Admin accepts; an empty list means Kura would install it.
 */
final class DeploymentPackage {

    static final String DP_SYMBOLIC_NAME = "DeploymentPackage-SymbolicName";
    static final String DP_VERSION = "DeploymentPackage-Version";
    static final String DP_FIX_PACK = "DeploymentPackage-FixPack";
    static final String DP_MISSING = "DeploymentPackage-Missing";
    static final String RESOURCE_PROCESSOR = "Resource-Processor";
    static final String BSN = "Bundle-SymbolicName";
    static final String BUNDLE_VERSION = "Bundle-Version";

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** A bundle carried by the package: its entry name, identity as its own manifest states it, and manifest. */
    record Bundle(String entry, String symbolicName, Version version, Manifest manifest) {
        Bundle {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(symbolicName, "symbolicName");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(manifest, "manifest");
        }

        boolean isOurs() {
            return symbolicName.startsWith("org.assure.");
        }
    }

    private final Path file;
    private final Manifest manifest;
    private final List<String> entryOrder = new ArrayList<>();
    private final List<Bundle> bundles = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private DeploymentPackage(Path file, Manifest manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    static DeploymentPackage read(Path file) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(file), false)) {
            DeploymentPackage dp = new DeploymentPackage(file, in.getManifest());
            dp.check(in);
            return dp;
        }
    }

    Path file() {
        return file;
    }

    String symbolicName() {
        return manifest == null ? null : manifest.getMainAttributes().getValue(DP_SYMBOLIC_NAME);
    }

    String version() {
        return manifest == null ? null : manifest.getMainAttributes().getValue(DP_VERSION);
    }

    List<Bundle> bundles() {
        return List.copyOf(bundles);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void check(JarInputStream in) throws IOException {
        if (manifest == null) {
            // JarInputStream finds the manifest only as the first entry (after an optional META-INF/ directory),
            // and that is where Deployment Admin requires it: it reads the package as a stream.
            problems.add("META-INF/MANIFEST.MF is not the first entry");
            return;
        }
        checkMainSection(manifest.getMainAttributes());
        Map<String, Attributes> sections = new LinkedHashMap<>(manifest.getEntries());
        Set<String> seen = new HashSet<>();
        Set<String> bundleNames = new HashSet<>();
        boolean contentStarted = false;
        boolean resourcesStarted = false;
        JarEntry entry;
        while ((entry = in.getNextJarEntry()) != null) {
            String name = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            entryOrder.add(name);
            byte[] content = in.readAllBytes();
            if (!seen.add(name)) {
                problems.add(name + ": entry appears twice");
                continue;
            }
            if (name.startsWith("META-INF/")) {
                // signature and localization files come before any bundle or resource
                if (contentStarted) {
                    problems.add(name + ": META-INF entry after the first bundle or resource");
                }
                continue;
            }
            contentStarted = true;
            Attributes section = sections.remove(name);
            if (section == null) {
                problems.add(name + ": no Name section in the manifest (Deployment Admin refuses such an entry)");
                continue;
            }
            if (section.getValue(BSN) != null) {
                if (resourcesStarted) {
                    problems.add(name + ": bundle after a processed resource (bundles must come first)");
                }
                Bundle bundle = checkBundle(name, section, content);
                if (bundle != null && !bundleNames.add(bundle.symbolicName())) {
                    problems.add(name + ": a second bundle named " + bundle.symbolicName());
                }
            } else {
                resourcesStarted = true;
                if (section.getValue(RESOURCE_PROCESSOR) == null) {
                    problems.add(name + ": neither a bundle (no " + BSN + ") nor a processed resource (no "
                            + RESOURCE_PROCESSOR + ")");
                }
            }
        }
        for (Map.Entry<String, Attributes> orphan : sections.entrySet()) {
            if (!"true".equalsIgnoreCase(orphan.getValue().getValue(DP_MISSING))) {
                problems.add(orphan.getKey() + ": Name section without an entry");
            }
        }
        if (bundles.isEmpty() && problems.isEmpty()) {
            problems.add("the package carries no bundle");
        }
    }

    private void checkMainSection(Attributes main) {
        String name = main.getValue(DP_SYMBOLIC_NAME);
        if (name == null) {
            problems.add("main section: no " + DP_SYMBOLIC_NAME);
        } else if (!SYMBOLIC_NAME.matcher(name).matches()) {
            problems.add("main section: " + DP_SYMBOLIC_NAME + " is not a symbolic name: " + name);
        }
        String version = main.getValue(DP_VERSION);
        if (version == null) {
            problems.add("main section: no " + DP_VERSION);
        } else if (!Version.isVersion(version)) {
            problems.add("main section: " + DP_VERSION + " is not an OSGi version: " + version);
        }
        if (main.getValue(DP_FIX_PACK) != null) {
            // a fix pack may leave bundles out; ours are always complete, so every bundle must be checked here
            problems.add("main section: " + DP_FIX_PACK + " set, but these packages are always complete");
        }
    }

    private Bundle checkBundle(String name, Attributes section, byte[] content) throws IOException {
        String declaredName = section.getValue(BSN);
        String declaredVersion = section.getValue(BUNDLE_VERSION);
        if (declaredName.contains(";")) {
            problems.add(name + ": " + BSN + " in the Name section carries directives: " + declaredName);
        }
        if (declaredVersion == null) {
            problems.add(name + ": Name section has no " + BUNDLE_VERSION);
        } else if (!Version.isVersion(declaredVersion)) {
            problems.add(name + ": Name section " + BUNDLE_VERSION + " is not an OSGi version: " + declaredVersion);
        }
        Manifest own;
        try (InputStream bytes = new ByteArrayInputStream(content); JarInputStream jar = new JarInputStream(bytes)) {
            own = jar.getManifest();
        }
        String ownName = own == null ? null : own.getMainAttributes().getValue(BSN);
        if (ownName == null) {
            problems.add(name + ": not an OSGi bundle (no " + BSN + " in its own manifest)");
            return null;
        }
        ownName = ownName.split(";", 2)[0].trim();
        String ownVersionText = own.getMainAttributes().getValue(BUNDLE_VERSION);
        Version ownVersion = ownVersionText == null ? Version.emptyVersion : Version.parseVersion(ownVersionText.trim());
        // Deployment Admin compares the section with the bundle it installs and refuses a mismatch
        if (!ownName.equals(declaredName.split(";", 2)[0].trim())) {
            problems.add(name + ": Name section says " + declaredName + " but the bundle is " + ownName);
        }
        if (declaredVersion != null && Version.isVersion(declaredVersion)
                && !Version.parseVersion(declaredVersion).equals(ownVersion)) {
            problems.add(name + ": Name section says version " + declaredVersion + " but the bundle is " + ownVersion);
        }
        Bundle bundle = new Bundle(name, ownName, ownVersion, own);
        bundles.add(bundle);
        return bundle;
    }

    @Override
    public String toString() {
        return symbolicName() + " " + version() + " (" + file.getFileName() + ")";
    }
}
