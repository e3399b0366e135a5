package org.assure.core.trust;

import java.util.EnumSet;
import java.util.Set;
import org.assure.core.model.IdentityClass;

/**
 * The permission matrix of PROFILE §3 (reconstructed from draft §7.7): which identity class may authenticate
 * which other class, and which may sign configuration, bootstrap images, data and owner information.
 */
public final class Permissions {
    /** Things other than keys that carry signatures. */
    public enum Artifact {
        CONFIGURATION,
        BOOTSTRAP_IMAGE,
        DATA,
        /** Owner information: Manufacturer or Trusted Authority only (PROFILE §3). */
        OWNER_INFORMATION
    }

    private Permissions() {
    }

    /** Whether a key of class {@code signer} may authenticate a key of class {@code subject}. */
    public static boolean maySign(IdentityClass signer, IdentityClass subject) {
        return keySubjects(signer).contains(subject);
    }

    /** Whether a key of class {@code signer} may sign {@code artifact}. */
    public static boolean maySign(IdentityClass signer, Artifact artifact) {
        return switch (artifact) {
            case CONFIGURATION, BOOTSTRAP_IMAGE, DATA -> signer == IdentityClass.MANAGEMENT_SYSTEM;
            case OWNER_INFORMATION -> signer == IdentityClass.MANUFACTURER || signer == IdentityClass.TRUSTED_AUTHORITY;
        };
    }

    /** The classes that may authenticate a key of class {@code subject}. */
    public static Set<IdentityClass> signersOf(IdentityClass subject) {
        Set<IdentityClass> signers = EnumSet.noneOf(IdentityClass.class);
        for (IdentityClass signer : IdentityClass.values()) {
            if (maySign(signer, subject)) {
                signers.add(signer);
            }
        }
        return signers;
    }

    /** The classes that may sign {@code artifact}. */
    public static Set<IdentityClass> signersOf(Artifact artifact) {
        Set<IdentityClass> signers = EnumSet.noneOf(IdentityClass.class);
        for (IdentityClass signer : IdentityClass.values()) {
            if (maySign(signer, artifact)) {
                signers.add(signer);
            }
        }
        return signers;
    }

    private static Set<IdentityClass> keySubjects(IdentityClass signer) {
        return switch (signer) {
            case MANUFACTURER -> EnumSet.of(IdentityClass.MANUFACTURER, IdentityClass.TRUSTED_AUTHORITY, IdentityClass.DEVICE);
            case TRUSTED_AUTHORITY -> EnumSet.of(IdentityClass.TRUSTED_AUTHORITY, IdentityClass.MANAGEMENT_SYSTEM,
                    IdentityClass.BOOTSTRAP_SERVICE, IdentityClass.DEVICE);
            case MANAGEMENT_SYSTEM -> EnumSet.of(IdentityClass.MANAGEMENT_SYSTEM, IdentityClass.BOOTSTRAP_SERVICE,
                    IdentityClass.DEVICE, IdentityClass.CHANNEL);
            case DEVICE -> EnumSet.of(IdentityClass.CHANNEL);
            case BOOTSTRAP_SERVICE, CHANNEL -> EnumSet.noneOf(IdentityClass.class);
        };
    }
}
