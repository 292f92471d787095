/**
 * WebSocket protocol version 1 (docs/protocol.md): the message records in one file, a decoder that
 * validates what clients send, and an encoder that writes what the server sends.
 */
package io.packetwalk.stream.protocol;
