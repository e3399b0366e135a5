/**
 * The JSON documents of the aSSURE HTTP APIs (draft §9.2.1, §11.2.3, §11.2.4, §15.2), read and written with
 * Jackson's streaming parser and generator only. Decoding is strict: UTF-8 only, one object per document, no
 * duplicate fields, required fields and types checked, unknown fields rejected except where the draft says more
 * may be added (device capabilities). Every failure is a {@link org.assure.core.json.JsonDecodeException}
 * naming the field path.
 */
@Export
@Version("1.0.0")
package org.assure.core.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
