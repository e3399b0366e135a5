package org.assure.bootstrap.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.core.bootstrap.BootstrapException;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.error.AssureException;
import org.assure.core.model.Bytes;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.TrustedKey;
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a fetched image with core's {@link BootstrapImageOpener} (the ordered checks of PROFILE §5) and applies it
 * atomically: the image's authenticated keys, the owner sequence and every change the payload's CoAP messages make
 * through the local Device Management API go into one keystore bootstrap transaction and one channel staging; the
 * staging's channel definitions are written into the keystore transaction, whose commit is the single atomic step;
 * then the running channels follow. Any failure before the keystore commit closes both and nothing changed. An
 * image whose owner sequence is higher than the stored one comes from a new owner: every key but the trust anchors
 * and every channel is removed in the same transaction before the image's keys are imported.
 */
final class ImageApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ImageApplier.class);

    private final Keystore keystore;
    private final ChannelManager channels;
    private final ReplayTarget target;
    private final MessageDecoder decoder;
    private final Supplier<Optional<SimpleTimestamp>> trustedTime;

    ImageApplier(Keystore keystore, ChannelManager channels, ReplayTarget target, MessageDecoder decoder,
            Supplier<Optional<SimpleTimestamp>> trustedTime) {
        this.keystore = Objects.requireNonNull(keystore, "keystore");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.target = Objects.requireNonNull(target, "target");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.trustedTime = Objects.requireNonNull(trustedTime, "trustedTime");
    }

    /**
     * @return the owner sequence number now stored
     * @throws ApplyException {@link Result#REJECTED} if a check failed, {@link Result#APPLY_FAILED} if replaying or
     *                        committing failed; either way nothing changed
     */
    long apply(FetchedImage fetched) throws ApplyException {
        DeviceState device = new DeviceState(keystore.deviceId(), keystore.trustedKeys(), keystore.ownerSequence(),
                trustedTime.get(), fetched.provisionalServerKey());
        OpenedImage opened;
        try {
            opened = BootstrapImageOpener.open(fetched.image().toByteArray(), device);
        } catch (BootstrapException e) {
            throw new ApplyException(Result.REJECTED, e.reason().text(), e);
        }
        List<ReplayRequest> requests = decode(opened);

        try (KeystoreTransaction tx = keystore.beginBootstrap();
                ChannelStaging staging = channels.stage(ChannelOrigin.BOOTSTRAP)) {
            // A higher owner sequence means a new owner (draft §14.7, docs/PROFILE-ADDITIONS.md item 41): everything
            // earlier owners installed goes first, in this same transaction, so the old owner's management key and
            // channels are never trusted again and a failure below leaves them exactly as they were.
            if (tx.stageOwner(opened.ownerSequence())) {
                int dropped = staging.deleteAll();
                LOG.info("Bootstrap image from a new owner (sequence {}): replacing all keys and {} channels",
                        opened.ownerSequence(), dropped);
            }
            for (TrustedKey key : opened.keys()) {
                tx.importKey(key.authenticatedKey().orElseThrow());
            }
            for (int i = 0; i < requests.size(); i++) {
                int code = target.replay(requests.get(i), tx, staging);
                if (code >> 5 != 2) {
                    LOG.warn("Bootstrap message {} of {} answered {}; rolling back", i + 1, requests.size(),
                            codeText(code));
                    throw new ApplyException(Result.APPLY_FAILED, "a bootstrap message was refused", null);
                }
            }
            // The channel definitions join the keystore transaction, so its commit is the one atomic step: keys,
            // channels and owner sequence become current together (docs/PROFILE-ADDITIONS.md item 31).
            staging.prepare(tx);
            tx.commit();
            // Only the running channels follow from here; their definitions are already durable.
            staging.commit();
            return opened.ownerSequence();
        } catch (KeystoreException e) {
            throw new ApplyException(e.reason() == KeystoreException.Reason.OWNER_SEQUENCE_OLDER ? Result.REJECTED
                    : Result.APPLY_FAILED, "the keystore refused the image", e);
        } catch (AssureException e) {
            throw new ApplyException(Result.APPLY_FAILED, "the channel manager refused the image", e);
        } catch (IOException e) {
            throw new ApplyException(Result.APPLY_FAILED, "channels could not be stored", e);
        }
    }

    private List<ReplayRequest> decode(OpenedImage opened) throws ApplyException {
        List<ReplayRequest> requests = new ArrayList<>();
        for (Bytes message : opened.payload().coapMessages()) {
            try {
                requests.add(decoder.decode(message));
            } catch (IllegalArgumentException e) {
                throw new ApplyException(Result.REJECTED, "a bootstrap message is not a CoAP request", e);
            }
        }
        return requests;
    }

    static String codeText(int code) {
        int detail = code & 0x1F;
        return (code >> 5) + "." + (detail < 10 ? "0" : "") + detail;
    }
}
