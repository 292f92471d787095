package io.packetwalk.web;

import tools.jackson.databind.json.JsonMapper;

/** Every API error body: a stable code and a sentence a person can act on. */
record ApiError(String error, String message) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The body as JSON text, for code that writes a response before Spring MVC is reached. */
  static String json(String error, String message) {
    return JSON.writeValueAsString(new ApiError(error, message));
  }
}
