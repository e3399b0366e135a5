/**
 * The "aSSURE" Felix Web Console plugin: status page, {@code status.json} and ping over a channel. Not exported.
 */
package org.assure.console.internal;
