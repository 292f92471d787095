/** Validated immutable network values: IPv4 addresses and prefixes, MAC addresses. */
package io.packetwalk.net;
