/** A sample SRC-aware subsystem: the libsrc SDK in use, and a test subject for srcmstr. */
package org.opensrc.sample;
