/**
 * The standalone gateway's own parts (configuration store and seeding, readiness line, clean stop). Not exported.
 */
package org.assure.runtime.internal;
