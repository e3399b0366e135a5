/**
 * The data model of the aSSURE draft and of {@code PROFILE.md}: immutable value types that know nothing about
 * their encoding. Every constructor validates its arguments and throws {@link IllegalArgumentException} or
 * {@link NullPointerException} on values the draft does not allow.
 */
@Export
@Version("1.0.0")
package org.assure.core.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
