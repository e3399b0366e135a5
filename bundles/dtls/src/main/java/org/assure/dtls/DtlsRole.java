package org.assure.dtls;

/** Which side of the handshake this engine played for a session. */
public enum DtlsRole {
    CLIENT,
    SERVER
}
