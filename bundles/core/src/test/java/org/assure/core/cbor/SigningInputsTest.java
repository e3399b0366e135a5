package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assure.core.testing.Samples.DEVICE;
import static org.assure.core.testing.Samples.KEY_A;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.OwnerInformation;
import org.assure.core.testing.ModelArbitraries;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** What each signature covers (PROFILE §3): never its own value, never a private key; owner data bound to a device. */
class SigningInputsTest {
    @Property(tries = 300)
    void an_authenticated_key_input_ignores_signature_values_and_private_parts(
            @ForAll("authenticatedKeys") AuthenticatedKey key) {
        AuthenticatedKey publicOnly = new AuthenticatedKey(key.identityClass(), KeyDefinitionCodec.publicForm(key.key()),
                key.metadata(), key.signature());
        byte[] input = SigningInputs.authenticatedKey(key);

        assertThat(SigningInputs.authenticatedKey(key.unsigned())).isEqualTo(input);
        assertThat(SigningInputs.authenticatedKey(publicOnly)).isEqualTo(input);
        assertThat(input).isEqualTo(AuthenticatedKeyCodec.encode(publicOnly.unsigned()));
    }

    @Property(tries = 300)
    void an_image_input_blanks_only_the_image_signature(@ForAll("images") BootstrapImage image) {
        byte[] input = SigningInputs.bootstrapImage(image);

        assertThat(input).isEqualTo(BootstrapImageCodec.encode(image.unsigned()));
        assertThat(SigningInputs.bootstrapImage(image.withSignature(image.signature().unsigned()))).isEqualTo(input);
    }

    @Test
    void given_owner_information_then_the_input_differs_per_device_and_ignores_the_signature_value() {
        OwnerInformation owner = Samples.ownerInformation();

        assertThat(SigningInputs.ownerInformation(DEVICE, owner)).isNotEqualTo(SigningInputs.ownerInformation(KEY_A, owner));
        assertThat(SigningInputs.ownerInformation(DEVICE, owner))
                .isEqualTo(SigningInputs.ownerInformation(DEVICE, owner.unsigned()));
    }

    @Provide
    Arbitrary<AuthenticatedKey> authenticatedKeys() {
        return ModelArbitraries.authenticatedKeys();
    }

    @Provide
    Arbitrary<BootstrapImage> images() {
        return ModelArbitraries.bootstrapImages();
    }
}
