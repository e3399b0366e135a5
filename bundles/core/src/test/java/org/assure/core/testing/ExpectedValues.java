package org.assure.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import org.assure.core.model.Address;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BacnetAddress;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelFrame;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.EcKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.GatewayChannelGrant;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.QrPayload;
import org.assure.core.model.RsaKey;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.model.SignatureDefinition;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;

/**
 * Builds the model value a vector's {@code expected} object describes. The object uses the draft's field names,
 * UUIDs as text and byte strings as hex; its shape per structure is documented by the vector files themselves.
 */
public final class ExpectedValues {
    /** Owner information signing input: the device it is bound to and the owner information. */
    public record OwnerSigningInput(UUID device, OwnerInformation owner) {
    }

    private ExpectedValues() {
    }

    public static Object of(String structure, Map<String, Object> e) {
        return switch (structure) {
            case "key_definition" -> key(e);
            case "signature" -> signature(e);
            case "authenticated_key", "signing_input_authenticated_key" -> authenticatedKey(e);
            case "owner_information" -> owner(e);
            case "bootstrap_image", "signing_input_bootstrap_image" -> image(e);
            case "signing_input_owner_information" -> new OwnerSigningInput(uuid(e, "device"),
                    owner(map(e.get("owner_information"))));
            case "simple_timestamp" -> new SimpleTimestamp(number(e, "timestamp_secs"));
            case "precision_timestamp" -> new PrecisionTimestamp(number(e, "timestamp_secs"), number(e, "timestamp_frac"));
            case "shared_secret_payload" -> new SharedSecretPayload(bytes(e, "salt"), number(e, "iterations_or_cipher"),
                    bytes(e, "encrypted_secret"), CipherSuite.fromCode(number(e, "cipher_suite")), bytes(e, "cipher_IV"),
                    bytes(e, "tag"), bytes(e, "encrypted_data"));
            case "bootstrap_payload" -> new BootstrapPayload(list(e, "coap_messages", o -> Bytes.fromHex((String) o)));
            case "address" -> address(e);
            case "channel_configuration" -> configuration(e);
            case "channel_info" -> channelInfo(e);
            case "channel_list" -> list(e, "channels", o -> channelInfo(map(o)));
            case "channel_id" -> number(e, "channel_id");
            case "key_list" -> list(e, "keys", o -> new KeyListEntry(authenticatedKey(map(map(o).get("key"))),
                    (Boolean) map(o).get("private_key_present")));
            case "device_info" -> new DeviceInfo(uuid(e, "device_id"), bytes(e, "device_mac_address"),
                    text(e, "device_manufacturer"), text(e, "device_product_code"), text(e, "device_serial_number"),
                    text(e, "device_build_date"), text(e, "software_manufacturer"), text(e, "software_product_code"),
                    text(e, "software_version"));
            case "goodbye_reason" -> GoodbyeReason.fromCode(number(e, "reason"));
            case "qr_payload" -> new QrPayload((int) number(e, "version"), uuid(e, "device_uuid"),
                    SecretBytes.of(bytes(e, "case_id").toByteArray()));
            case "channel_frame" -> new ChannelFrame(number(e, "channel_id"), bytes(e, "dtls_data"));
            case "gateway_channel_grant" -> new GatewayChannelGrant(number(e, "channel_id"), bytes(e, "token"));
            case "gateway_priority" -> (int) number(e, "priority");
            case "psk_hint" -> pskHint(e);
            case "psk_identity" -> uuid(e, "key_id");
            default -> throw new IllegalArgumentException("no expected-value builder for " + structure);
        };
    }

    // ---- structures ---------------------------------------------------------------------------------

    public static SignatureDefinition signature(Map<String, Object> e) {
        SignatureFormat format = SignatureFormat.fromCode(number(e, "format"));
        SimpleTimestamp created = new SimpleTimestamp(number(e, "created_at"));
        SimpleTimestamp until = new SimpleTimestamp(number(e, "valid_until"));
        UUID keyId = uuid(e, "key_id");
        return switch (format.kind()) {
            case EC -> new EcSignature(format, created, until, keyId, bytes(e, "r"), bytes(e, "s"));
            case RSA -> new RsaSignature(format, created, until, keyId, bytes(e, "s"));
            case HMAC -> new HmacSignature(format, created, until, keyId, bytes(e, "hmac"));
        };
    }

    public static KeyDefinition key(Map<String, Object> e) {
        KeyFormat format = KeyFormat.fromCode(number(e, "format"));
        UUID keyId = uuid(e, "key_id");
        return switch (format) {
            case EC -> new EcKey(keyId, bytes(e, "public_key"), SecretBytes.of(bytes(e, "private_key").toByteArray()));
            case RSA -> new RsaKey(keyId, bytes(e, "public_key"), SecretBytes.of(bytes(e, "private_key").toByteArray()));
            case DERIVED_SECRET -> derivedKey(e);
        };
    }

    public static DerivedSecretKey derivedKey(Map<String, Object> e) {
        return new DerivedSecretKey(uuid(e, "key_id"), list(e, "derivations", o -> {
            Map<String, Object> d = map(o);
            return new Derivation(uuid(d, "reference_key_id"), bytes(d, "salt"), number(d, "iterations_or_cipher"),
                    bytes(d, "encrypted_secret"));
        }));
    }

    public static AuthenticatedKey authenticatedKey(Map<String, Object> e) {
        Map<String, Object> metadata = map(e.get("metadata"));
        KeyMetadata meta = metadata.containsKey("owning_device") ? KeyMetadata.ownedBy(uuid(metadata, "owning_device"))
                : KeyMetadata.NONE;
        return new AuthenticatedKey(IdentityClass.fromCode(number(e, "class")), key(map(e.get("key"))), meta,
                signature(map(e.get("signature"))));
    }

    public static OwnerInformation owner(Map<String, Object> e) {
        return new OwnerInformation(number(e, "owner_sequence_number"), signature(map(e.get("signature"))));
    }

    public static BootstrapImage image(Map<String, Object> e) {
        return new BootstrapImage(list(e, "keys", o -> authenticatedKey(map(o))), owner(map(e.get("owner_information"))),
                uuid(e, "decryption_key_id"), bytes(e, "encrypted_payload"), signature(map(e.get("signature"))));
    }

    public static Address address(Map<String, Object> e) {
        return switch ((int) number(e, "address_type")) {
            case 0 -> new BacnetAddress(e.get("net") == null ? OptionalInt.empty() : OptionalInt.of((int) number(e, "net")),
                    bytes(e, "addr"));
            case 1 -> new IpAddress(bytes(e, "remote_addr"), (int) number(e, "local_port"), (int) number(e, "remote_port"));
            case 2 -> new BluetoothAddress(bytes(e, "mac"));
            default -> throw new IllegalArgumentException("address type");
        };
    }

    public static ChannelConfiguration configuration(Map<String, Object> e) {
        List<Boolean> flags = list(e, "flags", Boolean.class::cast);
        ChannelFlags channelFlags = new ChannelFlags(flags.get(0), flags.get(1), flags.get(2), flags.get(3), flags.get(4),
                flags.subList(5, flags.size()));
        Optional<UUID> peer = e.get("peer_key_id") == null ? Optional.empty() : Optional.of(uuid(e, "peer_key_id"));
        return new ChannelConfiguration(uuid(e, "local_key_id"), peer, channelFlags, address(map(e.get("address"))));
    }

    public static ChannelInfo channelInfo(Map<String, Object> e) {
        Map<String, Object> s = map(e.get("status"));
        ChannelStatus status = new ChannelStatus(number(s, "channel_id"), ChannelState.fromCode(number(s, "state")),
                list(s, "additional", Long.class::cast));
        return new ChannelInfo(configuration(map(e.get("configuration"))), status);
    }

    public static PskHint pskHint(Map<String, Object> e) {
        if (e.containsKey("key_id")) {
            return new PskHint.KeyIdHint(uuid(e, "key_id"));
        }
        if (e.containsKey("key")) {
            return new PskHint.KeyDefinitionHint(derivedKey(map(e.get("key"))));
        }
        return new PskHint.KeyChainHint(list(e, "chain", o -> derivedKey(map(o))));
    }

    // ---- leaves -------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static <T> List<T> list(Map<String, Object> e, String field, Function<Object, T> item) {
        return ((List<Object>) require(e, field)).stream().map(item).toList();
    }

    public static long number(Map<String, Object> e, String field) {
        return (Long) require(e, field);
    }

    public static String text(Map<String, Object> e, String field) {
        return (String) require(e, field);
    }

    public static UUID uuid(Map<String, Object> e, String field) {
        return UUID.fromString(text(e, field));
    }

    public static Bytes bytes(Map<String, Object> e, String field) {
        return Bytes.fromHex(text(e, field));
    }

    private static Object require(Map<String, Object> e, String field) {
        if (!e.containsKey(field)) {
            throw new IllegalArgumentException("vector lacks expected." + field);
        }
        return e.get(field);
    }
}
