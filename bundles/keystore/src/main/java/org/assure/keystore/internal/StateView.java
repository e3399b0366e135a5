package org.assure.keystore.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyListEntry;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeystoreView;
import org.assure.keystore.TrustAnchors;

/** {@link KeystoreView} over the anchors and whatever {@link #state()} returns at the time of each call. */
abstract class StateView implements KeystoreView {
    final Anchors anchors;
    final int capacity;

    StateView(Anchors anchors, int capacity) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The state this view shows now. */
    abstract StoreState state();

    @Override
    public UUID deviceId() {
        return anchors.deviceId();
    }

    @Override
    public TrustAnchors trustAnchors() {
        return anchors.info();
    }

    @Override
    public List<KeyInfo> keys() {
        List<KeyInfo> keys = new ArrayList<>();
        anchors.entries().forEach(e -> keys.add(e.info()));
        state().keys().values().forEach(e -> keys.add(e.info()));
        return List.copyOf(keys);
    }

    @Override
    public Optional<KeyInfo> key(UUID keyId) {
        return entry(keyId).map(KeyEntry::info);
    }

    Optional<KeyEntry> entry(UUID keyId) {
        Objects.requireNonNull(keyId, "keyId");
        for (KeyEntry anchor : anchors.entries()) {
            if (anchor.trusted().keyId().equals(keyId)) {
                return Optional.of(anchor);
            }
        }
        return Optional.ofNullable(state().keys().get(keyId));
    }

    @Override
    public List<KeyInfo> keysOwnedBy(UUID owner) {
        Objects.requireNonNull(owner, "owner");
        return state().keys().values().stream().map(KeyEntry::info)
                .filter(info -> info.owner().equals(Optional.of(owner))).toList();
    }

    @Override
    public List<KeyListEntry> keyList() {
        return state().keys().values().stream().limit(MAX_KEY_LIST)
                .map(e -> e.info().listEntry().orElseThrow()).toList();
    }

    @Override
    public int size() {
        return state().keys().size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public TrustedKeys trustedKeys() {
        List<TrustedKey> keys = new ArrayList<>();
        keys.add(anchors.deviceKey());
        keys.add(anchors.trustedAuthorityKey());
        state().keys().values().forEach(e -> keys.add(e.trusted()));
        return TrustedKeys.of(keys);
    }

    @Override
    public long ownerSequence() {
        return state().ownerSequence();
    }

    @Override
    public Optional<Bytes> blob(String name) {
        return Optional.ofNullable(state().blobs().get(Objects.requireNonNull(name, "name")));
    }
}
