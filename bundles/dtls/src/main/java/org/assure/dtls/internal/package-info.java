/** The DTLS engine: its own DTLS 1.2 handshake and record layer on BouncyCastle's lightweight primitives and the JDK; not exported. */
package org.assure.dtls.internal;
