package org.assure.channels.internal.api;

import java.util.List;
import java.util.Optional;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.channels.DeleteOutcome;
import org.assure.channels.ManagedChannel;
import org.assure.core.error.AssureException;
import org.assure.core.model.ChannelConfiguration;

/** Channel changes of the API, going to the manager directly or into a bootstrap's staging. */
interface ChannelOps {
    long create(ChannelConfiguration configuration) throws AssureException;

    void create(long id, ChannelConfiguration configuration) throws AssureException;

    DeleteOutcome delete(long id) throws AssureException;

    void open(long id) throws AssureException;

    void close(long id) throws AssureException;

    Optional<ManagedChannel> channel(long id);

    List<ManagedChannel> channels();

    static ChannelOps direct(ChannelManager manager) {
        return new ChannelOps() {
            @Override
            public long create(ChannelConfiguration configuration) throws AssureException {
                return manager.create(configuration, ChannelOrigin.MANAGEMENT);
            }

            @Override
            public void create(long id, ChannelConfiguration configuration) throws AssureException {
                manager.create(id, configuration, ChannelOrigin.MANAGEMENT);
            }

            @Override
            public DeleteOutcome delete(long id) throws AssureException {
                return manager.delete(id);
            }

            @Override
            public void open(long id) throws AssureException {
                manager.open(id);
            }

            @Override
            public void close(long id) throws AssureException {
                manager.close(id);
            }

            @Override
            public Optional<ManagedChannel> channel(long id) {
                return manager.channel(id);
            }

            @Override
            public List<ManagedChannel> channels() {
                return manager.channels();
            }
        };
    }

    /** Changes go into {@code staging}; reads show the committed channels (a replay only writes). */
    static ChannelOps staged(ChannelStaging staging, ChannelManager manager) {
        return new ChannelOps() {
            @Override
            public long create(ChannelConfiguration configuration) throws AssureException {
                return staging.create(configuration);
            }

            @Override
            public void create(long id, ChannelConfiguration configuration) throws AssureException {
                staging.create(id, configuration);
            }

            @Override
            public DeleteOutcome delete(long id) throws AssureException {
                staging.delete(id);
                return DeleteOutcome.DELETED;
            }

            @Override
            public void open(long id) throws AssureException {
                staging.open(id);
            }

            @Override
            public void close(long id) throws AssureException {
                staging.close(id);
            }

            @Override
            public Optional<ManagedChannel> channel(long id) {
                return manager.channel(id);
            }

            @Override
            public List<ManagedChannel> channels() {
                return manager.channels();
            }
        };
    }
}
