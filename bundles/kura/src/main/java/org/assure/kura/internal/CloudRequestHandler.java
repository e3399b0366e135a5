package org.assure.kura.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assure.bootstrap.BootstrapService;
import org.assure.channels.ChannelManager;
import org.assure.keystore.Keystore;
import org.assure.kura.internal.RemoteOperations.Verb;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContext;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kura {@link RequestHandler} for aSSURE's remote operations ({@link RemoteOperations}). As Kura's own handlers
 * do, it registers under its application id with every {@link RequestHandlerRegistry} (each cloud connection is
 * one). Every verb is answered, unsupported combinations with 405, so that no request ends in Kura's generic error
 * reply with a stack trace.
 */
// immediate: nothing asks for its service, yet it must run to register with the cloud connections
@Component(name = CloudRequestHandler.PID, service = ConfigurableComponent.class, immediate = true,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "service.pid=" + CloudRequestHandler.PID)
@Designate(ocd = CloudRequestHandlerConfig.class)
public final class CloudRequestHandler implements ConfigurableComponent, RequestHandler {
    /** The PID, component name and OCD id (Kura finds the form by it). */
    public static final String PID = "org.assure.kura.CloudRequestHandler";

    private static final Logger LOG = LoggerFactory.getLogger(CloudRequestHandler.class);

    private final RequestSettings settings;
    private final RemoteOperations operations;
    private final Set<RequestHandlerRegistry> registered = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChannelManager channelManager;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BootstrapService bootstrapService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Keystore keystore;

    @Activate
    public CloudRequestHandler(CloudRequestHandlerConfig config, @Reference CryptoService cryptoService) {
        this.settings = RequestSettings.from(config);
        this.operations = new RemoteOperations(settings, new RequestToken(config.request_token(), cryptoService),
                () -> Optional.ofNullable(channelManager), () -> Optional.ofNullable(bootstrapService),
                () -> Optional.ofNullable(keystore), Clock.systemUTC());
    }

    /** For tests: the operations are given. */
    CloudRequestHandler(RequestSettings settings, RemoteOperations operations) {
        this.settings = settings;
        this.operations = operations;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRequestHandlerRegistry(RequestHandlerRegistry registry) {
        try {
            registry.registerRequestHandler(settings.appId(), this);
            registered.add(registry);
            LOG.info("remote operations registered as {}", settings.appId());
        } catch (KuraException e) {
            LOG.error("cannot register remote operations as {}: {}", settings.appId(), e.getCode());
        }
    }

    /** Also called for every registry when the component deactivates (DS unbinds dynamic references). */
    void unbindRequestHandlerRegistry(RequestHandlerRegistry registry) {
        if (!registered.remove(registry)) {
            return;
        }
        try {
            registry.unregister(settings.appId());
        } catch (KuraException e) {
            LOG.warn("cannot unregister remote operations {}: {}", settings.appId(), e.getCode());
        }
    }

    @Override
    public KuraMessage doGet(RequestHandlerContext context, KuraMessage reqMessage) {
        return operations.handle(Verb.GET, reqMessage);
    }

    @Override
    public KuraMessage doPut(RequestHandlerContext context, KuraMessage reqMessage) {
        return operations.handle(Verb.PUT, reqMessage);
    }

    @Override
    public KuraMessage doPost(RequestHandlerContext context, KuraMessage reqMessage) {
        return operations.handle(Verb.POST, reqMessage);
    }

    @Override
    public KuraMessage doDel(RequestHandlerContext context, KuraMessage reqMessage) {
        return operations.handle(Verb.DEL, reqMessage);
    }

    @Override
    public KuraMessage doExec(RequestHandlerContext context, KuraMessage reqMessage) {
        return operations.handle(Verb.EXEC, reqMessage);
    }
}
