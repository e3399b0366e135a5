/** Implementation of {@code org.assure.core.crypto} on the BouncyCastle lightweight and provider APIs. Not exported. */
package org.assure.core.crypto.internal;
