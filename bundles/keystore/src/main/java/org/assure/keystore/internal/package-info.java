/** The keystore's implementation: state, validation rules, persistence, encryption at rest, DS component. */
package org.assure.keystore.internal;
