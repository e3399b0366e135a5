/** The bootstrap client's implementation; not exported. */
package org.assure.bootstrap.internal;
