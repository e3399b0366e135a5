package org.assure.kura.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The Kura form of {@link CloudRequestHandler}; the OCD id is the component's PID, as Kura requires. */
@ObjectClassDefinition(id = CloudRequestHandler.PID, name = "aSSURE Remote Operations",
        description = "Answers remote requests from the cloud platform through every Kura cloud connection: list "
                + "channels, open or close a channel, start a bootstrap, list keys (ids and kinds, never key "
                + "material).")
@interface CloudRequestHandlerConfig {
    @AttributeDefinition(name = "Application Id",
            description = "The application id requests are addressed to (the topic part after the device id, as "
                    + "CONF-V1 is for Kura's configuration). Letters, digits, '_' and '-', at most 64 characters.")
    String app_id() default "ASSURE-V1";

    @AttributeDefinition(name = "Remote Changes",
            description = "Allow requests that change something: open or close a channel, start a bootstrap. When "
                    + "off, only listings are answered and changes get response code 403.")
    boolean remote_changes() default true;

    @AttributeDefinition(name = "Request Token", type = AttributeType.PASSWORD, required = false,
            description = "Optional shared secret. When set, every request must carry it in the String metric "
                    + "request.token, or it is refused with response code 403. Leave empty to rely on the cloud "
                    + "platform's own access control.")
    String request_token();
}
