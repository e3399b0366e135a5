package org.assure.channels.internal.system;

/** What {@code PUT /v1/reboot} and {@code PUT /v1/shutdown} do after saying goodbye. */
public enum SystemAction {
    /** Restart (reboot) or stop (shutdown) the aSSURE bundles: RAM-only keys and channels are gone afterwards. */
    SERVICES,
    /** Run the configured host command (e.g. {@code systemctl reboot}). */
    HOST_COMMAND
}
