package org.assure.core.testing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
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
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.QrPayload;
import org.assure.core.model.RsaKey;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;

/**
 * Fixed, readable model values for tests: the UUIDs spell their role ({@code DEVICE}, {@code KEY_A}...), byte
 * values are small patterns, nothing is real key material.
 */
public final class Samples {
    public static final UUID DEVICE = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    public static final UUID KEY_A = UUID.fromString("0a0a0a0a-0a0a-0a0a-0a0a-0a0a0a0a0a0a");
    public static final UUID KEY_B = UUID.fromString("0b0b0b0b-0b0b-0b0b-0b0b-0b0b0b0b0b0b");
    public static final UUID KEY_C = UUID.fromString("0c0c0c0c-0c0c-0c0c-0c0c-0c0c0c0c0c0c");

    private Samples() {
    }

    /** {@code n} bytes of value {@code fill}. */
    public static Bytes bytes(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return Bytes.of(b);
    }

    public static SecretBytes secret(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return SecretBytes.of(b);
    }

    public static EcSignature ecSignature(UUID signer) {
        return new EcSignature(SignatureFormat.ECDSA_SHA256, new SimpleTimestamp(10), new SimpleTimestamp(1000), signer,
                bytes(32, 0x11), bytes(32, 0x22));
    }

    public static RsaSignature rsaSignature(UUID signer) {
        return new RsaSignature(SignatureFormat.RSA_SHA256, SimpleTimestamp.NONE, SimpleTimestamp.NONE, signer,
                bytes(256, 0x33));
    }

    public static HmacSignature hmacSignature(UUID signer) {
        return new HmacSignature(SignatureFormat.HMAC_SHA256, new SimpleTimestamp(1), SimpleTimestamp.NONE, signer,
                bytes(32, 0x44));
    }

    public static EcKey ecKey(UUID id, boolean withPrivate) {
        return new EcKey(id, bytes(91, 0x04), withPrivate ? secret(138, 0x55) : SecretBytes.EMPTY);
    }

    public static RsaKey rsaKey(UUID id) {
        return new RsaKey(id, bytes(294, 0x30), SecretBytes.EMPTY);
    }

    public static DerivedSecretKey derivedKey(UUID id, UUID reference) {
        return new DerivedSecretKey(id, List.of(new Derivation(reference, bytes(16, 0x5a), 4096, bytes(16, 0x66))));
    }

    public static AuthenticatedKey authenticatedKey() {
        return new AuthenticatedKey(IdentityClass.CHANNEL, ecKey(KEY_A, true), KeyMetadata.ownedBy(DEVICE),
                ecSignature(KEY_B));
    }

    public static OwnerInformation ownerInformation() {
        return new OwnerInformation(3, ecSignature(KEY_C));
    }

    public static BootstrapImage bootstrapImage() {
        AuthenticatedKey management = new AuthenticatedKey(IdentityClass.MANAGEMENT_SYSTEM, ecKey(KEY_B, false),
                KeyMetadata.NONE, ecSignature(KEY_C));
        AuthenticatedKey channel = new AuthenticatedKey(IdentityClass.CHANNEL, ecKey(KEY_A, false),
                KeyMetadata.ownedBy(DEVICE), ecSignature(KEY_B));
        return new BootstrapImage(List.of(channel, management), ownerInformation(), DEVICE,
                bytes(100, 0x77), ecSignature(KEY_B));
    }

    public static SharedSecretPayload sharedSecretPayload() {
        return new SharedSecretPayload(bytes(16, 0x5a), 4096, bytes(16, 0x66), CipherSuite.AES_128_GCM, bytes(12, 0x01),
                bytes(16, 0x02), bytes(40, 0x03));
    }

    public static BootstrapPayload bootstrapPayload() {
        return new BootstrapPayload(List.of(bytes(20, 0x40), bytes(1, 0x50)));
    }

    public static ChannelConfiguration channelConfiguration() {
        return new ChannelConfiguration(KEY_A, Optional.of(KEY_B), ChannelFlags.management(true, false),
                IpAddress.of(java.net.InetAddress.getLoopbackAddress(), 0, 5684));
    }

    public static ChannelInfo channelInfo() {
        ChannelConfiguration bacnet = new ChannelConfiguration(KEY_A, Optional.empty(),
                new ChannelFlags(true, true, false, false, false, List.of(true)),
                new BacnetAddress(OptionalInt.of(5), bytes(6, 0x0a)));
        return new ChannelInfo(bacnet, new ChannelStatus(7, ChannelState.OPEN, List.of(-1L, 5L)));
    }

    public static ChannelInfo bluetoothChannelInfo() {
        ChannelConfiguration ble = new ChannelConfiguration(KEY_A, Optional.empty(), ChannelFlags.data(false, true),
                new BluetoothAddress(bytes(6, 0x0b)));
        return new ChannelInfo(ble, new ChannelStatus(0, ChannelState.CLOSED));
    }

    public static DeviceInfo deviceInfo() {
        return new DeviceInfo(DEVICE, bytes(6, 0x0c), "ACME", "X1", "0001", "2024-01-02", "Eclipse", "Kura", "5.6.0");
    }

    public static QrPayload qrPayload() {
        return QrPayload.of(DEVICE, secret(16, 0x99));
    }

    public static ChannelFrame channelFrame() {
        return new ChannelFrame(42, bytes(30, 0x16));
    }

    public static GatewayChannelGrant gatewayChannelGrant() {
        return new GatewayChannelGrant(9, bytes(8, 0x7e));
    }
}
