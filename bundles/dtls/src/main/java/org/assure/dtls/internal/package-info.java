/** The DTLS engine on BouncyCastle's low-level API; not exported. */
package org.assure.dtls.internal;
