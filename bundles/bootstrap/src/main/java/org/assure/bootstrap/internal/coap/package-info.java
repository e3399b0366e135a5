/** The bootstrap client's Californium adapters (CoAP over the aSSURE DTLS connector); not exported. */
package org.assure.bootstrap.internal.coap;
