package org.assure.channels;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.error.AssureException;
import org.assure.core.model.ChannelConfiguration;

/**
 * The gateway's channels (draft §10.1.6–10.1.12, PROFILE §2): definitions with ids, persistence of the ones marked
 * persistent, and their state machine. Opening and closing are asynchronous ("will try"): watch the state through
 * {@link #channel(long)} or a {@link ChannelListener}. Thread-safe.
 *
 * <p>Every method that changes something throws {@link AssureException} with
 * {@link org.assure.core.error.ErrorKind#UNAVAILABLE} while a {@link ChannelStaging} is prepared but not committed.
 */
public interface ChannelManager {
    /** All channels, by ascending id. */
    List<ManagedChannel> channels();

    /** The channel with {@code id}, if defined. */
    Optional<ManagedChannel> channel(long id);

    /**
     * Defines a channel with the next free id (draft §10.1.6) and, if its {@code open_immediately} flag is set,
     * starts opening it.
     *
     * @return the new id
     * @throws AssureException {@code TOO_LARGE} if the device has no room for more channels
     */
    long create(ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException;

    /**
     * Defines a channel with the given id (draft §10.1.7).
     *
     * @throws AssureException {@code CONFLICT} if the id exists, {@code TOO_LARGE} if there is no room
     */
    void create(long id, ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException;

    /**
     * Deletes a channel, closing it first if it is open or opening (draft §10.1.10).
     *
     * @throws AssureException {@code FORBIDDEN} if the channel was defined by a bootstrap
     */
    DeleteOutcome delete(long id) throws AssureException;

    /**
     * Asks the manager to open the channel and keep it open, retrying with capped exponential back-off.
     *
     * @throws AssureException {@code NOT_FOUND} if there is no such channel
     */
    void open(long id) throws AssureException;

    /**
     * Asks the manager to close the channel and stop retrying.
     *
     * @throws AssureException {@code NOT_FOUND} if there is no such channel
     */
    void close(long id) throws AssureException;

    /** Whether any channel uses {@code keyId} as its local or peer key (such keys cannot be deleted, §10.1.4). */
    boolean usesKey(UUID keyId);

    /**
     * Sends a CoAP request to the peer of an open channel over the channel's DTLS session: presence, goodbye and
     * trusted time for the bootstrap client, OIC traffic for the bridge. The request's path and query are the
     * peer's; the Content-Format option is sent if given.
     *
     * @return completes with the peer's response; fails with {@link AssureException} ({@code NOT_FOUND}: no such
     *         channel, {@code UNAVAILABLE}: the channel is not open) or {@link java.io.IOException} (timeout,
     *         rejected, transport error)
     */
    java.util.concurrent.CompletionStage<ManagementResponse> send(long id, ManagementRequest request);

    /** Starts a staging transaction for channels defined with {@code origin} (a bootstrap uses BOOTSTRAP). */
    ChannelStaging stage(ChannelOrigin origin);

    /** Registers a listener (in addition to the OSGi whiteboard). */
    void addListener(ChannelListener listener);

    /** Unregisters a listener; unknown listeners are ignored. */
    void removeListener(ChannelListener listener);
}
