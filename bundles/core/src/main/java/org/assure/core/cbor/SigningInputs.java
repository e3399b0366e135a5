package org.assure.core.cbor;

import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.OwnerInformation;

/**
 * The bytes each aSSURE signature covers (PROFILE §3): the deterministic encoding of the enclosing structure
 * with the signature's value fields empty ({@code 0x40}). A key definition inside an authenticated key is
 * always in its public form there, so that one signature serves the holder of the private key and every peer
 * that only receives the public key. Owner information is bound to the device: its input is the device UUID
 * as a byte string followed by the owner information.
 */
public final class SigningInputs {
    private SigningInputs() {
    }

    public static byte[] authenticatedKey(AuthenticatedKey key) {
        AuthenticatedKey unsigned = new AuthenticatedKey(key.identityClass(), KeyDefinitionCodec.publicForm(key.key()),
                key.metadata(), key.signature().unsigned());
        return AuthenticatedKeyCodec.encode(unsigned);
    }

    public static byte[] ownerInformation(UUID device, OwnerInformation owner) {
        OwnerInformation unsigned = owner.unsigned();
        return CborWriter.encode(w -> {
            w.uuid(device);
            OwnerInformationCodec.write(w, unsigned);
        });
    }

    public static byte[] bootstrapImage(BootstrapImage image) {
        return BootstrapImageCodec.encode(image.unsigned());
    }
}
