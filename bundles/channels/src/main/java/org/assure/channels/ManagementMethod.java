package org.assure.channels;

/** The CoAP methods the Device Management API uses (draft §10.1). */
public enum ManagementMethod {
    GET,
    POST,
    PUT,
    DELETE
}
