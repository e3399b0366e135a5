package org.assure.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assure.itests.support.AesGcmCryptoService;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContext;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.junit.jupiter.api.Test;

class CloudRequestHandlerTest {
    /** A registry as Kura's cloud connection keeps it: one handler per application id. */
    static final class MapRegistry implements RequestHandlerRegistry {
        final java.util.Map<String, RequestHandler> handlers = new java.util.HashMap<>();
        boolean failing;

        @Override
        public void registerRequestHandler(String id, RequestHandler requestHandler) throws KuraException {
            if (failing) {
                throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, "down");
            }
            handlers.put(id, requestHandler);
        }

        @Override
        public void unregister(String id) {
            handlers.remove(id);
        }
    }

    private final InMemoryChannelManager channels = new InMemoryChannelManager();

    private CloudRequestHandler handler() {
        RequestSettings settings = new RequestSettings("ASSURE-V1", true);
        return new CloudRequestHandler(settings, new RemoteOperations(settings,
                new RequestToken(null, new AesGcmCryptoService()), () -> Optional.of(channels), Optional::empty,
                Optional::empty, Clock.systemUTC()));
    }

    @Test
    void givenTwoCloudConnections_whenBoundAndUnbound_thenTheHandlerIsRegisteredWithEachUnderItsAppId() {
        CloudRequestHandler handler = handler();
        MapRegistry one = new MapRegistry();
        MapRegistry two = new MapRegistry();

        handler.bindRequestHandlerRegistry(one);
        handler.bindRequestHandlerRegistry(two);

        assertThat(one.handlers).containsOnlyKeys("ASSURE-V1").containsValue(handler);
        assertThat(two.handlers).containsOnlyKeys("ASSURE-V1");

        handler.unbindRequestHandlerRegistry(one);

        assertThat(one.handlers).isEmpty();
        assertThat(two.handlers).containsOnlyKeys("ASSURE-V1");
    }

    @Test
    void givenARegistryThatRefuses_whenBound_thenNothingBreaksAndUnbindDoesNotUnregisterSomeoneElse() {
        CloudRequestHandler handler = handler();
        MapRegistry refusing = new MapRegistry();
        refusing.failing = true;

        handler.bindRequestHandlerRegistry(refusing);
        refusing.failing = false;
        RequestHandler other = new RequestHandler() {
        };
        refusing.handlers.put("ASSURE-V1", other);
        handler.unbindRequestHandlerRegistry(refusing);

        assertThat(refusing.handlers).containsEntry("ASSURE-V1", other);
    }

    @Test
    void everyVerbIsAnsweredWithAReplyNeverAnException() throws Exception {
        CloudRequestHandler handler = handler();
        RequestHandlerContext context = new RequestHandlerContext(null, Map.of("DEVICE_ID", "gw-1"));
        KuraMessage request = RemoteOperationsTest.request("channels");

        List<Object> codes = new ArrayList<>();
        codes.add(handler.doGet(context, request).getPayload().getMetric("response.code"));
        codes.add(handler.doPut(context, request).getPayload().getMetric("response.code"));
        codes.add(handler.doPost(context, request).getPayload().getMetric("response.code"));
        codes.add(handler.doDel(context, request).getPayload().getMetric("response.code"));
        codes.add(handler.doExec(context, request).getPayload().getMetric("response.code"));

        assertThat(codes).containsExactly(200, 405, 405, 405, 405);
    }
}
