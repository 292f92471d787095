/**
 * HTTP: the lab page at {@code /}, {@code POST /api/run} (a script in, command outcomes out as
 * JSON), {@code GET /api/health}, and JSON errors for every failed request.
 */
package io.packetwalk.web;
