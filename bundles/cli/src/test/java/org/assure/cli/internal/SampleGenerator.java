package org.assure.cli.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.bootstrap.BootstrapImageBuilder;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.bootstrap.PayloadRecipient;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.BootstrapPayloadCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.cbor.QrPayloadCodec;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.json.ConfigurationDataJson;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.QrPayload;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.Validity;

/**
 * Writes the files in {@code samples/} (see samples/README.md): a real bootstrap image for a device with an EC
 * key, built and signed by core exactly as a management system would and checked by opening it as the device
 * would, plus the decrypted payload, an authenticated key, the Trusted Authority's configuration data, a QR
 * payload and a device information. Every key is
 * generated on each run and thrown away; no private key is written except the channel key inside the
 * (encrypted) image and the sample payload, which `assure inspect` shows only as present.
 *
 * <p>Run from the repository root after building the jar:
 * {@code java -cp bundles/cli/target/assure.jar:bundles/cli/target/test-classes org.assure.cli.internal.SampleGenerator samples}
 */
public final class SampleGenerator {
    static final UUID DEVICE = UUID.fromString("d0d0d0d0-0000-4000-8000-000000000001");
    static final UUID TRUSTED_AUTHORITY = UUID.fromString("7a7a7a7a-0000-4000-8000-000000000001");
    static final UUID MANAGEMENT_SYSTEM = UUID.fromString("3a3a3a3a-0000-4000-8000-000000000001");
    static final UUID CHANNEL_KEY = UUID.fromString("c4c4c4c4-0000-4000-8000-000000000001");
    /** 2026-01-01T00:00:00Z; the signatures never expire. */
    static final Validity VALIDITY = new Validity(new SimpleTimestamp(504_921_600), SimpleTimestamp.NONE);

    private SampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleGenerator <output directory>");
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        SecureRandom random = new SecureRandom();
        KeyPair device = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
        KeyPair authority = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
        KeyPair management = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
        KeyPair channel = KeyGeneration.generate(GenerateKeyType.EC_P256, random);

        SigningKey authoritySigner = SigningKey.of(TRUSTED_AUTHORITY, authority.getPrivate());
        SigningKey managementSigner = SigningKey.of(MANAGEMENT_SYSTEM, management.getPrivate());
        AuthenticatedKey managementKey = authoritySigner.authenticate(IdentityClass.MANAGEMENT_SYSTEM,
                EcKey.publicKey(MANAGEMENT_SYSTEM, Keys.encodePublic(management.getPublic())), KeyMetadata.NONE, VALIDITY);
        OwnerInformation owner = authoritySigner.ownerInformation(DEVICE, 1, VALIDITY);
        BootstrapPayload payload = payload(managementSigner, channel);

        byte[] image = BootstrapImageBuilder.buildEncoded(List.of(managementKey), owner,
                new PayloadRecipient.PublicKeyRecipient(DEVICE, device.getPublic(), CmsOptions.DEFAULT), payload,
                managementSigner, VALIDITY, random);
        // Open it as the device would: anchors are its own key and the Trusted Authority's.
        TrustedKeys anchors = TrustedKeys.of(List.of(
                TrustedKey.anchor(new EcKey(DEVICE, Keys.encodePublic(device.getPublic()), Keys.encodePrivate(device.getPrivate())),
                        IdentityClass.DEVICE),
                TrustedKey.anchor(EcKey.publicKey(TRUSTED_AUTHORITY, Keys.encodePublic(authority.getPublic())),
                        IdentityClass.TRUSTED_AUTHORITY)));
        if (!BootstrapImageOpener.open(image, DeviceState.of(DEVICE, anchors, 0)).payload().equals(payload)) {
            throw new IllegalStateException("the sample image does not open to its payload");
        }

        write(out.resolve("bootstrap-image.cbor"), image);
        write(out.resolve("bootstrap-payload.cbor"), BootstrapPayloadCodec.encode(payload));
        write(out.resolve("authenticated-key.cbor"), AuthenticatedKeyCodec.encode(managementKey));
        write(out.resolve("qr-payload.cbor"), QrPayloadCodec.encode(QrPayload.of(DEVICE, KeyGeneration.randomSecret(16, random))));
        write(out.resolve("configuration-data.json"), ConfigurationDataJson.encode(new ConfigurationData(DEVICE, 42,
                new DeviceCapabilities(true, false, false, false, false), List.of(managementKey), owner, List.of())));
        write(out.resolve("device-info.cbor"), DeviceInfoCodec.encode(new DeviceInfo(DEVICE, Bytes.fromHex("02000000a5a5"),
                "Example Manufacturer", "GW-1", "0001", "2026-01-01", "Eclipse Foundation", "Kura", "5.6.0")));
    }

    /** Installs a channel key (with its private key) and opens a management channel to the management system. */
    private static BootstrapPayload payload(SigningKey managementSigner, KeyPair channel) throws IOException {
        AuthenticatedKey channelKey = managementSigner.authenticate(IdentityClass.CHANNEL,
                new EcKey(CHANNEL_KEY, Keys.encodePublic(channel.getPublic()), Keys.encodePrivate(channel.getPrivate())),
                KeyMetadata.ownedBy(DEVICE), VALIDITY);
        ChannelConfiguration management = new ChannelConfiguration(CHANNEL_KEY, Optional.of(MANAGEMENT_SYSTEM),
                ChannelFlags.management(true, true), IpAddress.of(InetAddress.getByName("192.0.2.10"), 0, 5684));
        return new BootstrapPayload(List.of(
                Bytes.of(CoapEncoder.put(1, new byte[] {0x01}).path("/v1/keys/" + CHANNEL_KEY)
                        .cbor(AuthenticatedKeyCodec.encode(channelKey)).encode()),
                Bytes.of(CoapEncoder.put(2, new byte[] {0x02}).path("/v1/channels")
                        .cbor(ChannelConfigurationCodec.encode(management)).encode())));
    }

    private static void write(Path file, byte[] data) throws IOException {
        Files.write(file, data);
        System.out.println("wrote " + file + " (" + data.length + " bytes)");
    }
}
