package io.packetwalk.share;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of {@code /api/shared} for the tests: requests with or without a secret. */
final class SharedLabHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  SharedLabHttp(int port) {
    this.port = port;
  }

  /** {@code method} ("GET" or "POST") {@code path}, with the secret header unless it is null. */
  HttpResponse<String> send(String method, String path, String secret, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (secret != null) {
      request.header(SharedLabController.SECRET_HEADER, secret);
    }
    if (method.equals("POST")) {
      request
          .header("X-Packetwalk", "1")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    } else {
      request.GET();
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A new lab from {@code document}: the created answer's JSON. */
  JsonNode create(String document) throws IOException, InterruptedException {
    HttpResponse<String> response = send("POST", "/api/shared", null, document);
    if (response.statusCode() != 201) {
      throw new AssertionError("create answered " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
