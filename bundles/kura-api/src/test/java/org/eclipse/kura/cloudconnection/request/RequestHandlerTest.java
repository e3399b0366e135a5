package org.eclipse.kura.cloudconnection.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestHandlerTest {

    private static final RequestHandlerContext CONTEXT = new RequestHandlerContext(null, Map.of());
    private static final KuraMessage REQUEST = new KuraMessage(new KuraPayload());

    /** A verb of the handler, callable from a parameterised test. */
    interface Verb {
        KuraMessage call(RequestHandler handler) throws KuraException;
    }

    static Stream<Arguments> verbs() {
        return Stream.of(
                Arguments.of("get", (Verb) h -> h.doGet(CONTEXT, REQUEST)),
                Arguments.of("put", (Verb) h -> h.doPut(CONTEXT, REQUEST)),
                Arguments.of("post", (Verb) h -> h.doPost(CONTEXT, REQUEST)),
                Arguments.of("delete", (Verb) h -> h.doDel(CONTEXT, REQUEST)),
                Arguments.of("exec", (Verb) h -> h.doExec(CONTEXT, REQUEST)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void givenAHandlerThatOverridesNothing_whenAVerbIsCalled_thenItFailsAsNotSupportedNamingTheVerb(String name,
            Verb verb) {
        RequestHandler handler = new RequestHandler() {
        };

        assertThatThrownBy(() -> verb.call(handler)).isInstanceOfSatisfying(KuraException.class, e -> {
            assertThat(e.getCode()).isEqualTo(KuraErrorCode.OPERATION_NOT_SUPPORTED);
            assertThat(e.getMessage()).endsWith(": " + name);
        });
    }

    @Test
    void givenAHandlerThatOverridesGet_whenGetAndPutAreCalled_thenGetAnswersAndPutStillFails() throws KuraException {
        KuraMessage reply = new KuraMessage(new KuraPayload());
        RequestHandler handler = new RequestHandler() {

            @Override
            public KuraMessage doGet(RequestHandlerContext context, KuraMessage request) {
                return reply;
            }
        };

        assertThat(handler.doGet(CONTEXT, REQUEST)).isSameAs(reply);
        assertThatThrownBy(() -> handler.doPut(CONTEXT, REQUEST)).isInstanceOf(KuraException.class);
    }
}
