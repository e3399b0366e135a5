package org.assure.bootstrap.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.bootstrap.BootstrapImageBuilder;
import org.assure.core.bootstrap.PayloadRecipient;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyMetadata;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.Validity;

/**
 * The keys of the crash test, shared between the test and the JVMs it kills through a file (test keys only):
 * device, Trusted Authority, Management System and bootstrap server key pairs (EC P-256). Image {@code n} carries
 * owner sequence {@code n} and installs channel key {@code n} plus a management channel using it; each higher
 * sequence is a change of owner, so a store after {@code n} bootstraps holds exactly channel key and channel n.
 */
final class CrashWorld {
    final UUID deviceId;
    final AsymmetricKey device;
    final AsymmetricKey trustedAuthority;
    final AsymmetricKey management;
    final AsymmetricKey server;

    private CrashWorld(UUID deviceId, AsymmetricKey device, AsymmetricKey trustedAuthority, AsymmetricKey management,
            AsymmetricKey server) {
        this.deviceId = deviceId;
        this.device = device;
        this.trustedAuthority = trustedAuthority;
        this.management = management;
        this.server = server;
    }

    static CrashWorld generate() {
        UUID deviceId = UUID.randomUUID();
        return new CrashWorld(deviceId, key(deviceId), key(UUID.randomUUID()), key(UUID.randomUUID()),
                key(UUID.randomUUID()));
    }

    private static AsymmetricKey key(UUID id) {
        KeyPair pair = Device.ecPair();
        return (AsymmetricKey) Device.definition(id, pair, true);
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(deviceId.toString());
        for (AsymmetricKey key : List.of(device, trustedAuthority, management, server)) {
            lines.add(java.util.HexFormat.of().formatHex(KeyDefinitionCodec.encode(key)));
        }
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }

    static CrashWorld read(Path file) throws IOException, CborDecodeException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        List<AsymmetricKey> keys = new ArrayList<>();
        for (String line : lines.subList(1, 5)) {
            keys.add((AsymmetricKey) KeyDefinitionCodec.decode(java.util.HexFormat.of().parseHex(line)));
        }
        return new CrashWorld(UUID.fromString(lines.get(0)), keys.get(0), keys.get(1), keys.get(2), keys.get(3));
    }

    TrustedKey deviceAnchor() throws CryptoException {
        return TrustedKey.anchor(device, IdentityClass.DEVICE);
    }

    TrustedKey trustedAuthorityAnchor() throws CryptoException {
        return TrustedKey.anchor((AsymmetricKey) KeyDefinitionCodec.publicForm(trustedAuthority),
                IdentityClass.TRUSTED_AUTHORITY);
    }

    PublicKey serverPublicKey() throws CryptoException {
        return Keys.publicKey(KeyFormat.EC, server.publicKey());
    }

    /** The id of channel key {@code n}: fixed, so every JVM of a run agrees. */
    static UUID channelKeyId(long n) {
        return UUID.nameUUIDFromBytes(("crash-channel-key-" + n).getBytes(StandardCharsets.US_ASCII));
    }

    private SigningKey signer(AsymmetricKey key) throws CryptoException {
        return SigningKey.of(key.keyId(), Keys.privateKey(KeyFormat.EC, key.privateKey()));
    }

    /** Image {@code n}: owner sequence n, channel key n and a persistent management channel using it. */
    byte[] image(long n) throws CryptoException {
        SigningKey ta = signer(trustedAuthority);
        SigningKey mgmt = signer(management);
        List<AuthenticatedKey> header = List.of(
                ta.authenticate(IdentityClass.MANAGEMENT_SYSTEM, KeyDefinitionCodec.publicForm(management),
                        KeyMetadata.NONE, Validity.UNBOUNDED),
                ta.authenticate(IdentityClass.BOOTSTRAP_SERVICE, KeyDefinitionCodec.publicForm(server),
                        KeyMetadata.NONE, Validity.UNBOUNDED));
        UUID channelKeyId = channelKeyId(n);
        AuthenticatedKey channelKey = mgmt.authenticate(IdentityClass.CHANNEL,
                Device.definition(channelKeyId, Device.ecPair(), true), KeyMetadata.NONE, Validity.UNBOUNDED);
        ChannelConfiguration channel = new ChannelConfiguration(channelKeyId, Optional.of(management.keyId()),
                ChannelFlags.management(true, false), IpAddress.of(InetAddress.getLoopbackAddress(), 0, 5684));
        BootstrapPayload payload = new BootstrapPayload(List.of(
                CoapRequests.put(AuthenticatedKeyCodec.encode(channelKey), "v1", "keys", channelKeyId.toString()),
                CoapRequests.put(ChannelConfigurationCodec.encode(channel), "v1", "channels")));
        return BootstrapImageBuilder.buildEncoded(header, ta.ownerInformation(deviceId, n, Validity.UNBOUNDED),
                new PayloadRecipient.PublicKeyRecipient(deviceId, Keys.publicKey(KeyFormat.EC, device.publicKey()),
                        CmsOptions.DEFAULT), payload, mgmt, Validity.UNBOUNDED, Device.RANDOM);
    }
}
