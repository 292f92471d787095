/**
 * iproute2's {@code ip}: global options, the link, address, route, neighbour, rule and netns
 * objects, with iproute2 6.1's parsing (including its prefix matching of keywords), its output in
 * plain, brief, one-line, details and JSON forms, and its error texts and exit statuses.
 */
package io.packetwalk.shell.ip;
