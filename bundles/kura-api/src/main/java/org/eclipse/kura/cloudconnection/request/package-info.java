/**
 * Request/response handling over a cloud connection: handlers register under an application id and receive
 * the requests addressed to it. Exported by Kura's API bundle at version 1.0.0 (unchanged from Kura 5.0 to 6.0).
 */
@Export
@Version("1.0.0")
package org.eclipse.kura.cloudconnection.request;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
