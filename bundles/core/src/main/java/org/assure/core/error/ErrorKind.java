package org.assure.core.error;

/** Transport-neutral failure classes; one adapter per transport maps them to response codes (STYLE.md). */
public enum ErrorKind {
    /** Input could not be decoded (CoAP 4.00, HTTP 400). */
    MALFORMED,
    /** The peer is not authenticated (4.01). */
    UNAUTHENTICATED,
    /** Authenticated but not allowed (4.03). */
    FORBIDDEN,
    /** Channel, key or device does not exist (4.04). */
    NOT_FOUND,
    /** Already exists (4.09). */
    CONFLICT,
    /** No space left or input over a limit (4.13). */
    TOO_LARGE,
    /** Not CBOR (4.15). */
    UNSUPPORTED_FORMAT,
    /** Unsupported request value, e.g. key type (5.01). */
    NOT_IMPLEMENTED,
    /** Service not ready, e.g. keystore locked (5.03). */
    UNAVAILABLE,
    /** Anything else (5.00). */
    INTERNAL
}
