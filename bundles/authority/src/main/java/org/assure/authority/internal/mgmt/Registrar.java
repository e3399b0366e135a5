package org.assure.authority.internal.mgmt;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.coap.CoapMessages;
import org.assure.authority.internal.http.OwnerApiClient;
import org.assure.authority.internal.store.Database;
import org.assure.authority.internal.ta.ParameterChoice;
import org.assure.core.cbor.AddressCodec;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.crypto.CryptoException;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.Address;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.DeviceStatus;
import org.assure.core.model.IdentityClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management server's side of device registration (draft §11.2, §11.3, §14.3, §14.5): claims a device at
 * the Trusted Authority with the case string, builds its bootstrap image from the configuration data — a payload
 * that defines the management channel back to this server — and uploads it; replaces devices; records presence.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    /** Status values of §11.2.3 (the draft leaves them open; PROFILE-ADDITIONS). */
    public static final int REGISTERED = 1;
    public static final int CONFIGURED = 2;
    public static final int PRESENT = 3;
    public static final int OFFLINE = 4;
    public static final int DISABLED = 5;

    private final Database db;
    private final OwnerApiClient owner;
    private final ManagementKey key;
    private final Address managementAddress;
    private final SecureRandom random;

    public Registrar(Database db, OwnerApiClient owner, ManagementKey key, Address managementAddress,
            SecureRandom random) {
        this.db = db;
        this.owner = owner;
        this.key = key;
        this.managementAddress = managementAddress;
        this.random = random;
    }

    /**
     * §11.2.1: claims the device and uploads its bootstrap image.
     *
     * @throws AuthorityException FORBIDDEN (the authority refused: wrong case string, someone else's device),
     *                            UNAVAILABLE (authority unreachable)
     */
    public void register(UUID device, String caseString) throws AuthorityException {
        owner.claim(device, caseString);
        db.transaction(c -> {
            ManagedDevices.upsert(c, device, REGISTERED);
            return null;
        });
        configure(device);
        LOG.info("device {} registered and configured", device);
    }

    /** Builds and uploads the device's bootstrap image from fresh configuration data. */
    void configure(UUID device) throws AuthorityException {
        ConfigurationData config = owner.configuration(device);
        byte[] image;
        try {
            image = BootstrapImages.build(config, key, CoapMessages.payload(List.of(managementChannel(config))), random);
        } catch (CryptoException e) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "cannot build the bootstrap image", e);
        }
        owner.putBootstrap(device, image);
        AuthenticatedKey mgmt = config.authenticatedKeys().stream()
                .filter(k -> k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM).findFirst().orElseThrow();
        byte[] deviceKey = config.parameterChoices().stream().map(ParameterChoice::decode)
                .map(ParameterChoice::deviceKey).flatMap(Optional::stream).findFirst().map(b -> b.toByteArray())
                .orElse(null);
        db.transaction(c -> {
            ManagedDevices.status(c, device, CONFIGURED);
            ManagedDevices.channelKeys(c, device, AuthenticatedKeyCodec.encode(mgmt), deviceKey);
            ManagedDevices.capabilities(c, device, (config.capabilities().ecCapable() ? 1 : 0)
                    | (config.capabilities().rsaCapable() ? 2 : 0));
            return null;
        });
    }

    /**
     * The management channel the device opens to this server: its device key against our EC key, or — when the
     * authority gave us a derived management key for the device — that shared key at both ends.
     */
    DeviceRequest managementChannel(ConfigurationData config) {
        AuthenticatedKey mgmt = config.authenticatedKeys().stream()
                .filter(k -> k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM).findFirst().orElseThrow();
        ChannelFlags flags = new ChannelFlags(true, true, true, true, true);
        ChannelConfiguration channel = mgmt.key() instanceof DerivedSecretKey k
                ? new ChannelConfiguration(k.keyId(), Optional.empty(), flags, managementAddress)
                : new ChannelConfiguration(config.deviceId(), Optional.of(key.keyId()), flags, managementAddress);
        return new DeviceRequest(config.deviceId(), "PUT", "v1/channels", "", ChannelConfigurationCodec.encode(channel));
    }

    /**
     * §11.2.2: the new device takes over; the old one is released at the authority and disabled here.
     *
     * @throws AuthorityException UNAUTHENTICATED (either device is not one of ours, the draft's 401)
     */
    public void replace(UUID oldDevice, UUID newDevice) throws AuthorityException {
        if (oldDevice.equals(newDevice)) {
            throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "a device cannot replace itself");
        }
        db.transaction(c -> {
            Optional<ManagedDevices.Row> old = ManagedDevices.find(c, oldDevice, true);
            Optional<ManagedDevices.Row> fresh = ManagedDevices.find(c, newDevice, true);
            if (old.isEmpty() || old.get().disabled() || fresh.isEmpty() || fresh.get().disabled()) {
                throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "not our device");
            }
            return null;
        });
        owner.release(oldDevice);
        db.transaction(c -> {
            ManagedDevices.disable(c, oldDevice, newDevice, DISABLED);
            return null;
        });
        LOG.info("device {} replaced by {}", oldDevice, newDevice);
    }

    /** §11.2.3; UNAUTHENTICATED for a device that is not ours. */
    public DeviceStatus status(UUID device) throws AuthorityException {
        ManagedDevices.Row row = db.transaction(c -> ManagedDevices.find(c, device, false))
                .orElseThrow(() -> new AuthorityException(ErrorKind.UNAUTHENTICATED, "not our device"));
        return new DeviceStatus(row.status(), switch (row.status()) {
            case REGISTERED -> "registered";
            case CONFIGURED -> "bootstrap image uploaded, waiting for the device";
            case PRESENT -> "online";
            case OFFLINE -> "offline";
            case DISABLED -> "replaced by " + row.replacedBy().map(UUID::toString).orElse("another device");
            default -> "unknown";
        });
    }

    /** §11.2.4; UNAUTHENTICATED for a device that is not ours, UNAVAILABLE before its presence. */
    public DeviceInfo info(UUID device) throws AuthorityException {
        ManagedDevices.Row row = db.transaction(c -> ManagedDevices.find(c, device, false))
                .orElseThrow(() -> new AuthorityException(ErrorKind.UNAUTHENTICATED, "not our device"));
        byte[] info = row.info().orElseThrow(() -> new AuthorityException(ErrorKind.UNAVAILABLE, "no presence yet"));
        try {
            return DeviceInfoCodec.decode(info);
        } catch (CborDecodeException e) {
            throw new IllegalStateException("stored device info corrupt", e);
        }
    }

    /**
     * §11.3.1: the device (authenticated as {@code authenticated}) reports its presence.
     *
     * @throws AuthorityException UNAUTHENTICATED if it speaks for another device or is not ours
     */
    public void presence(UUID authenticated, UUID device, DeviceInfo info) throws AuthorityException {
        presence(authenticated, device, info, Optional.empty());
    }

    /** As {@link #presence(UUID, UUID, DeviceInfo)}, remembering the address the report came from (§13 pushes). */
    public void presence(UUID authenticated, UUID device, DeviceInfo info, Optional<Address> from)
            throws AuthorityException {
        if (!authenticated.equals(device) || !info.deviceId().equals(device)) {
            throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "information for a different device");
        }
        db.transaction(c -> {
            Optional<ManagedDevices.Row> row = ManagedDevices.find(c, device, true);
            if (row.isEmpty() || row.get().disabled()) {
                throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "not our device");
            }
            ManagedDevices.info(c, device, DeviceInfoCodec.encode(info), PRESENT);
            if (from.isPresent()) {
                ManagedDevices.presenceAddress(c, device, AddressCodec.encode(from.get()));
            }
            return null;
        });
    }

    /** The keys to accept a device's management channel with, for an enabled device of ours. */
    public record ChannelKeys(AuthenticatedKey managementKey, Optional<Bytes> deviceKey) {
    }

    public Optional<ChannelKeys> channelKeys(UUID device) throws AuthorityException {
        Optional<byte[][]> stored = db.transaction(c -> ManagedDevices.channelKeys(c, device));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChannelKeys(AuthenticatedKeyCodec.decode(stored.get()[0]),
                    Optional.ofNullable(stored.get()[1]).map(Bytes::of)));
        } catch (CborDecodeException e) {
            throw new IllegalStateException("stored management key corrupt", e);
        }
    }

    /** What planning a channel needs about a device beyond its channel keys. */
    public record Planning(DeviceCapabilities capabilities, Optional<Address> presenceAddress) {
    }

    /** Empty for a device that is not ours (or disabled). */
    public Optional<Planning> planning(UUID device) throws AuthorityException {
        Optional<Object[]> row = db.transaction(c -> ManagedDevices.planning(c, device));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int bits = row.get()[0] == null ? 0 : (Integer) row.get()[0];
        try {
            return Optional.of(new Planning(new DeviceCapabilities((bits & 1) != 0, (bits & 2) != 0, false, false, false),
                    row.get()[1] == null ? Optional.empty() : Optional.of(AddressCodec.decode((byte[]) row.get()[1]))));
        } catch (CborDecodeException e) {
            throw new IllegalStateException("stored presence address corrupt", e);
        }
    }

    public ManagementKey key() {
        return key;
    }

    /** §11.3.2: the device is going offline. */
    public void goodbye(UUID authenticated, UUID device) throws AuthorityException {
        if (!authenticated.equals(device)) {
            throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "goodbye for a different device");
        }
        db.transaction(c -> {
            if (ManagedDevices.find(c, device, true).isEmpty()) {
                throw new AuthorityException(ErrorKind.UNAUTHENTICATED, "not our device");
            }
            ManagedDevices.status(c, device, OFFLINE);
            return null;
        });
    }
}
