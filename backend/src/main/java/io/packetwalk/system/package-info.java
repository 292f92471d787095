/**
 * What keeps the server standing for everyone: configured run limits and the bounded pool every
 * simulation runs in, shared by the HTTP and WebSocket front doors.
 */
package io.packetwalk.system;
