/**
 * Strict, deterministic CBOR (RFC 8949 core deterministic encoding, PROFILE §1) for the aSSURE data model:
 * one codec per structure, built on {@link org.assure.core.cbor.CborReader} and
 * {@link org.assure.core.cbor.CborWriter}. Every decoding failure is a {@link org.assure.core.cbor.CborDecodeException}
 * naming the field path; decoders never return {@code null}.
 */
@Export
@Version("1.0.0")
package org.assure.core.cbor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
