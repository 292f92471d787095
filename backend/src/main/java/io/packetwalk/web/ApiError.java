package io.packetwalk.web;

/** Every API error body: a stable code and a sentence a person can act on. */
record ApiError(String error, String message) {}
