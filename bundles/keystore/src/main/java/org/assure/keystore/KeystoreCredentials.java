package org.assure.keystore;

import java.security.PublicKey;
import java.util.function.Consumer;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsServerCredentials;
import org.osgi.annotation.versioning.ProviderType;

/**
 * DTLS credentials (bundles/dtls) made from the keystore's keys at handshake time, so key changes apply to the
 * next handshake: PSK with (derived) secrets, raw public keys with the device's EC/RSA keys and the expected
 * peer keys (PROFILE §6). Thread-safe.
 */
@ProviderType
public interface KeystoreCredentials {
    /**
     * Credentials for opening {@code channel} as DTLS client: Peer Name Indication with this device's UUID, the
     * peer name expected, PSK if the local key is a secret, raw keys if it is an EC/RSA key pair.
     *
     * @throws KeystoreException {@code KEY_NOT_FOUND} if a named key is not stored, {@code KEY_NOT_USABLE} if the
     *                           local key's private part or secret is not held or the peer key does not fit
     */
    ClientCredentials client(ChannelKeys channel) throws KeystoreException;

    /**
     * The DTLS server callback: for each client the {@code directory} lists the channels it may use, and the
     * credentials offer exactly their keys (PSK hint = the channel's key id when the client named itself).
     */
    DtlsServerCredentials server(ChannelKeyDirectory directory);

    /**
     * Credentials for reaching the bootstrap server (draft §15.3, §15.4): Peer Name Indication with this device's
     * UUID and no expected server name; a shared-secret device answers the server's PSK hint chain by deriving
     * from its device secret; an EC/RSA device presents its device key and accepts the server's raw key
     * provisionally, reporting it to {@code provisionalServerKey} (the image is discarded unless that key
     * appears in it with class 3, PROFILE §5).
     */
    ClientCredentials bootstrap(Consumer<PublicKey> provisionalServerKey);
}
