package org.assure.bootstrap.internal;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assure.core.bootstrap.BootstrapImageBuilder;
import org.assure.core.bootstrap.PayloadRecipient;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.PskHint;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.Validity;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.RawKeyCredentials;

/**
 * One device of a test, with everything the authority side knows about it: the Trusted Authority that made it,
 * its management system, the bootstrap server's view of it (PSK hint chain or raw key), and images built for it
 * with core's {@link BootstrapImageBuilder}. Keys are generated at test time.
 */
final class Device {
    static final SecureRandom RANDOM = new SecureRandom();
    private static KeyPair rsa;

    enum Kind {
        EC, RSA, SHARED_SECRET
    }

    final Kind kind;
    final UUID deviceId = UUID.randomUUID();
    final long bootstrapServerId = 4711;
    final List<TrustedKey> anchors = new ArrayList<>();
    /** The keys the image header carries, in order. */
    final List<AuthenticatedKey> imageKeys = new ArrayList<>();
    /** The channel key the payload installs, and the management channel it defines. */
    AuthenticatedKey channelKey;
    ChannelConfiguration managementChannel;

    SigningKey ownerSigner;
    SigningKey imageSigner;
    PayloadRecipient recipient;
    /** Raw-key devices: the device key pair; shared-secret devices: null. */
    KeyPair deviceKeys;
    UUID deviceKeyId;
    /** Shared-secret devices: the device secret and the bootstrap server key derived from it. */
    SecretBytes deviceSecret;
    DerivedSecretKey bootstrapKey;
    SecretBytes bootstrapSecret;
    /** Shared-secret devices: the derivation from the device secret, and the current channel key's secret. */
    private DerivationReference fromDevice;
    SecretBytes channelSecret;
    /** The Management System key id. */
    UUID managementKeyId;
    /** Raw-key devices: the Trusted Authority's signer, the management key pair and the server key in the image. */
    SigningKey taSigner;
    KeyPair managementKeys;
    AuthenticatedKey serverKeyInImage;

    private Device(Kind kind) {
        this.kind = kind;
    }

    static synchronized KeyPair rsaPair() {
        if (rsa == null) {
            rsa = KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM);
        }
        return rsa;
    }

    static KeyPair ecPair() {
        return KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    }

    static KeyDefinition definition(UUID id, KeyPair pair, boolean withPrivate) {
        Bytes pub = Keys.encodePublic(pair.getPublic());
        SecretBytes priv = withPrivate ? Keys.encodePrivate(pair.getPrivate()) : SecretBytes.EMPTY;
        return "EC".equals(pair.getPublic().getAlgorithm()) ? new EcKey(id, pub, priv) : new RsaKey(id, pub, priv);
    }

    /**
     * A device of {@code kind} whose bootstrap server uses {@code serverKeys} (class 3, signed by the TA).
     */
    static Device create(Kind kind, UUID serverKeyId, KeyPair serverKeys) throws CryptoException {
        Device d = new Device(kind);
        if (kind == Kind.SHARED_SECRET) {
            d.sharedSecret();
        } else {
            d.publicKey(kind == Kind.RSA ? rsaPair() : ecPair(), serverKeyId, serverKeys);
        }
        return d;
    }

    private void publicKey(KeyPair device, UUID serverKeyId, KeyPair serverKeys) throws CryptoException {
        UUID taId = UUID.randomUUID();
        KeyPair ta = ecPair();
        deviceKeys = device;
        deviceKeyId = deviceId;
        anchors.add(TrustedKey.anchor((org.assure.core.model.AsymmetricKey) definition(taId, ta, false),
                IdentityClass.TRUSTED_AUTHORITY));
        anchors.add(TrustedKey.anchor((org.assure.core.model.AsymmetricKey) definition(deviceId, device, true),
                IdentityClass.DEVICE));
        taSigner = SigningKey.of(taId, ta.getPrivate());
        serverKeyInImage = taSigner.authenticate(IdentityClass.BOOTSTRAP_SERVICE,
                definition(serverKeyId, serverKeys, false), KeyMetadata.NONE, Validity.UNBOUNDED);
        ownerSigner = taSigner;
        recipient = new PayloadRecipient.PublicKeyRecipient(deviceId, device.getPublic(), CmsOptions.DEFAULT);
        publicKeyOwner();
    }

    /** A management system (owner) for a raw-key device: its key, the channel key and channel its image installs. */
    private void publicKeyOwner() {
        managementKeyId = UUID.randomUUID();
        KeyPair mgmt = ecPair();
        managementKeys = mgmt;
        imageKeys.clear();
        imageKeys.add(taSigner.authenticate(IdentityClass.MANAGEMENT_SYSTEM, definition(managementKeyId, mgmt, false),
                KeyMetadata.NONE, Validity.UNBOUNDED));
        imageKeys.add(serverKeyInImage);
        imageSigner = SigningKey.of(managementKeyId, mgmt.getPrivate());
        UUID channelKeyId = UUID.randomUUID();
        channelKey = imageSigner.authenticate(IdentityClass.CHANNEL, definition(channelKeyId, ecPair(), true),
                KeyMetadata.NONE, Validity.UNBOUNDED);
        managementChannel = new ChannelConfiguration(channelKeyId, Optional.of(managementKeyId),
                ChannelFlags.management(true, false),
                IpAddress.of(InetAddress.getLoopbackAddress(), 0, 5684));
    }

    /** As core's scenario and docs/PROFILE-ADDITIONS.md item 9 describe a shared-secret-only device. */
    private void sharedSecret() throws CryptoException {
        deviceSecret = KeyGeneration.randomSecret(32, RANDOM);
        fromDevice = new DerivationReference.Secret(deviceId, deviceSecret, SecretDerivation.DEFAULT_ITERATIONS);
        SecretBytes taSecret = KeyGeneration.randomSecret(32, RANDOM);
        DerivedSecretKey taKey = DerivedSecrets.create(UUID.randomUUID(), taSecret, List.of(fromDevice), RANDOM);
        anchors.add(TrustedKey.secretAnchor(deviceId, IdentityClass.DEVICE, deviceSecret));
        anchors.add(TrustedKey.derivedAnchor(taKey, IdentityClass.TRUSTED_AUTHORITY, taSecret));
        ownerSigner = SigningKey.ofSecret(taKey.keyId(), taSecret);

        bootstrapSecret = KeyGeneration.randomSecret(32, RANDOM);
        bootstrapKey = DerivedSecrets.create(UUID.randomUUID(), bootstrapSecret, List.of(fromDevice), RANDOM);
        sharedSecretOwner();
    }

    /**
     * A management system (owner) for a shared-secret device: its derived key (the image's signer and payload
     * key), the channel secret and channel its image installs.
     */
    private void sharedSecretOwner() throws CryptoException {
        KeyPair mgmt = ecPair();
        managementKeyId = UUID.randomUUID();
        SecretBytes kSecret = KeyGeneration.randomSecret(32, RANDOM);
        DerivedSecretKey k = DerivedSecrets.create(managementKeyId, kSecret, List.of(fromDevice,
                new DerivationReference.Public(UUID.randomUUID(), mgmt.getPublic(), CmsOptions.DEFAULT)), RANDOM);
        imageKeys.clear();
        imageKeys.add(ownerSigner.authenticate(IdentityClass.MANAGEMENT_SYSTEM, k, KeyMetadata.NONE,
                Validity.UNBOUNDED));
        imageSigner = SigningKey.ofSecret(k.keyId(), kSecret);
        recipient = new PayloadRecipient.SecretRecipient(k.keyId(), kSecret, CipherSuite.AES_128_CCM,
                SecretDerivation.DEFAULT_ITERATIONS);

        channelSecret = KeyGeneration.randomSecret(32, RANDOM);
        DerivedSecretKey channel = DerivedSecrets.create(UUID.randomUUID(), channelSecret, List.of(fromDevice), RANDOM);
        channelKey = imageSigner.authenticate(IdentityClass.CHANNEL, channel, KeyMetadata.NONE, Validity.UNBOUNDED);
        managementChannel = new ChannelConfiguration(channel.keyId(), Optional.empty(),
                ChannelFlags.management(true, false), IpAddress.of(InetAddress.getLoopbackAddress(), 0, 5684));
    }

    /**
     * The device changes hands (draft §14.7): a new management system with its own key, channel key and channel
     * replaces this one; the anchors and the bootstrap server stay. Images built afterwards are the new owner's.
     */
    synchronized void changeOwner() throws CryptoException {
        payload = null;
        if (kind == Kind.SHARED_SECRET) {
            sharedSecretOwner();
        } else {
            publicKeyOwner();
        }
    }

    /** The device key or device secret anchor (class 4). */
    TrustedKey deviceAnchor() {
        return anchors.stream().filter(a -> a.identityClass() == IdentityClass.DEVICE).findFirst().orElseThrow();
    }

    /** The Trusted Authority anchor (class 1). */
    TrustedKey trustedAuthorityAnchor() {
        return anchors.stream().filter(a -> a.identityClass() == IdentityClass.TRUSTED_AUTHORITY).findFirst()
                .orElseThrow();
    }

    /** Registers this device with the bootstrap server's credentials. */
    void registerWith(InMemoryCredentials server) {
        if (kind == Kind.SHARED_SECRET) {
            server.putSecret(bootstrapKey.keyId(), bootstrapSecret);
            server.putPeer(InMemoryCredentials.Peer.withPsk(deviceId, new PskHint.KeyChainHint(List.of(bootstrapKey))));
        } else {
            server.putPeer(InMemoryCredentials.Peer.withRawKey(deviceId, deviceKeyId,
                    Keys.encodePublic(deviceKeys.getPublic())));
        }
    }

    /**
     * What the keystore's {@code credentials().bootstrap(...)} gives this device (draft §15.3, §15.4): PNI with
     * its UUID, no expected server name; PSK from the hint chain, or its raw key with the server's key accepted
     * provisionally and reported.
     */
    Function<Consumer<PublicKey>, ClientCredentials> bootstrapCredentials() {
        if (kind == Kind.SHARED_SECRET) {
            InMemoryCredentials own = new InMemoryCredentials(deviceId).putTrustedKey(anchors.get(0));
            return report -> new ClientCredentials(Optional.of(deviceId), Optional.empty(),
                    own.clientFor(UUID.randomUUID()).psk(), Optional.empty());
        }
        OwnKey ownKey = new OwnKey(deviceKeyId, deviceKeys.getPublic(), deviceKeys.getPrivate());
        return report -> new ClientCredentials(Optional.of(deviceId), Optional.empty(), Optional.empty(),
                Optional.of(new RawKeyCredentials(ownKey, spki -> {
                    try {
                        report.accept(parse(spki));
                        return Optional.of(new PeerKey(new UUID(0, 0), Optional.empty()));
                    } catch (CryptoException e) {
                        return Optional.empty();
                    }
                })));
    }

    private static PublicKey parse(Bytes spki) throws CryptoException {
        try {
            return Keys.publicKey(org.assure.core.model.KeyFormat.EC, spki);
        } catch (CryptoException e) {
            return Keys.publicKey(org.assure.core.model.KeyFormat.RSA, spki);
        }
    }

    private BootstrapPayload payload;

    /** The payload: install the channel key, define the management channel (both as CoAP requests). */
    synchronized BootstrapPayload payload() {
        if (payload == null) {
            payload = new BootstrapPayload(List.of(
                CoapRequests.put(AuthenticatedKeyCodec.encode(channelKey), "v1", "keys", channelKey.keyId().toString()),
                CoapRequests.put(ChannelConfigurationCodec.encode(managementChannel), "v1", "channels")));
        }
        return payload;
    }

    byte[] image(long ownerSequence) throws CryptoException {
        return image(ownerSequence, payload());
    }

    byte[] image(long ownerSequence, BootstrapPayload payload) throws CryptoException {
        return build(imageKeys, deviceId, ownerSequence, payload, imageSigner);
    }

    private byte[] build(List<AuthenticatedKey> keys, UUID ownerFor, long sequence, BootstrapPayload body,
            SigningKey signer) throws CryptoException {
        return BootstrapImageBuilder.buildEncoded(keys, ownerSigner.ownerInformation(ownerFor, sequence,
                Validity.UNBOUNDED), recipient, body, signer, Validity.UNBOUNDED, RANDOM);
    }

    /** An image whose owner information the TA signed for {@code otherDevice} (payload still for this one). */
    byte[] imageOwnedBy(UUID otherDevice, long sequence) throws CryptoException {
        return build(imageKeys, otherDevice, sequence, payload(), imageSigner);
    }

    /**
     * Raw-key devices: an image signed by the management key, which the TA authenticated as {@code signerClass}
     * instead of Management System.
     */
    byte[] imageSignedAsClass(IdentityClass signerClass, long sequence) throws CryptoException {
        UUID id = UUID.randomUUID();
        AuthenticatedKey wrong = taSigner.authenticate(signerClass, definition(id, managementKeys, false),
                KeyMetadata.NONE, Validity.UNBOUNDED);
        return build(List.of(wrong, serverKeyInImage), deviceId, sequence, payload(),
                SigningKey.of(id, managementKeys.getPrivate()));
    }

    /** Raw-key devices: an image that does not carry the bootstrap server's key as class 3. */
    byte[] imageWithServerKeyAs(Optional<IdentityClass> serverClass, long sequence) throws CryptoException {
        List<AuthenticatedKey> keys = new ArrayList<>(imageKeys.subList(0, 1));
        serverClass.ifPresent(cls -> keys.add(taSigner.authenticate(cls, serverKeyInImage.key(), KeyMetadata.NONE,
                Validity.UNBOUNDED)));
        return build(keys, deviceId, sequence, payload(), imageSigner);
    }
}
