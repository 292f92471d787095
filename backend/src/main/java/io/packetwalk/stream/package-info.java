/**
 * The WebSocket endpoint {@code /ws}: one lab per connection, built from the built-in lab script,
 * whose shell answers pings with streamed traces and commands with their output and topology.
 */
package io.packetwalk.stream;
