package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What live lab tests say to a server: save a lab over HTTP, and protocol messages as text. */
final class LiveLabHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LiveLabHttp() {}

  /** The default built-in lab as a lab document, exported by a fresh tab. */
  static String builtInDocument(int port) throws InterruptedException {
    try (LabSocketClient tab = new LabSocketClient(port)) {
      tab.send("{\"v\":2,\"type\":\"hello\"}");
      tab.next("welcome");
      tab.send("{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"x\"}");
      return tab.next("labDocument").get("document").stringValue();
    }
  }

  /** Saves {@code document} as a new lab: its id and both secrets. */
  static JsonNode create(int port, String document) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/shared"))
                    .header("X-Packetwalk", "1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(document))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  static String hello(String id, String secret) {
    return "{\"v\":2,\"type\":\"hello\",\"shared\":{\"id\":\""
        + id
        + "\",\"secret\":\""
        + secret
        + "\"}}";
  }

  /** A command in host1's root namespace. */
  static String command(String requestId, String line) {
    return "{\"v\":2,\"type\":\"command\",\"requestId\":\""
        + requestId
        + "\",\"netns\":{\"host\":\"host1\",\"netns\":\"\"},\"line\":\""
        + line
        + "\"}";
  }

  /** Reads messages up to the first of {@code type}, and returns it. */
  static JsonNode skipTo(LabSocketClient client, String type) throws InterruptedException {
    while (true) {
      JsonNode message = client.next();
      if (type.equals(message.path("type").stringValue())) {
        return message;
      }
    }
  }
}
