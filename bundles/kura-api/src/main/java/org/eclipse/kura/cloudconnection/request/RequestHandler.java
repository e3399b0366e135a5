package org.eclipse.kura.cloudconnection.request;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the requests a cloud connection routes to the application id the handler registered under in a
 * {@link RequestHandlerRegistry}. The method is the request's verb; the resources after it arrive as a
 * {@code List<String>} in the request property {@link RequestHandlerMessageConstants#ARGS_KEY}.
 * <p>
 * A handler overrides the verbs it supports; the others throw {@link KuraErrorCode#OPERATION_NOT_SUPPORTED}.
 * Kura's MQTT connection replies 400 for a {@link KuraErrorCode#BAD_REQUEST}, 404 for a
 * {@link KuraErrorCode#NOT_FOUND} and 500 for any other exception; on success the handler sets the reply's
 * {@code response.code} metric itself.
 */
@ConsumerType
public interface RequestHandler {

    /**
     * @return the reply
     * @throws KuraException if the request fails; by default {@code OPERATION_NOT_SUPPORTED}
     */
    default KuraMessage doGet(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "get");
    }

    /**
     * @return the reply
     * @throws KuraException if the request fails; by default {@code OPERATION_NOT_SUPPORTED}
     */
    default KuraMessage doPut(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "put");
    }

    /**
     * @return the reply
     * @throws KuraException if the request fails; by default {@code OPERATION_NOT_SUPPORTED}
     */
    default KuraMessage doPost(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "post");
    }

    /**
     * Handles a {@code DEL} request.
     *
     * @return the reply
     * @throws KuraException if the request fails; by default {@code OPERATION_NOT_SUPPORTED}
     */
    default KuraMessage doDel(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "delete");
    }

    /**
     * @return the reply
     * @throws KuraException if the request fails; by default {@code OPERATION_NOT_SUPPORTED}
     */
    default KuraMessage doExec(RequestHandlerContext context, KuraMessage reqMessage) throws KuraException {
        throw new KuraException(KuraErrorCode.OPERATION_NOT_SUPPORTED, "exec");
    }
}
