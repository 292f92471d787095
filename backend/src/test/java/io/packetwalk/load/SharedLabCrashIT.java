package io.packetwalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash safety of saved labs: the packaged jar, on its embedded H2 file, is killed ({@code kill
 * -9}) while four clients save as fast as they can; after a restart on the same file every save
 * that was answered 201 is there, holds what was sent, and every version reads back whole.
 */
class SharedLabCrashIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int EDITORS = 4;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyAnsweredSaveSurvivesAKill() throws Exception {
    Path jar = Path.of(System.getProperty("packetwalk.jar", "target/packetwalk.jar"));
    Path db = Files.createTempDirectory("packetwalk-crash-db-").resolve("labs");
    List<String> properties =
        List.of(
            "packetwalk.db.path=" + db,
            "packetwalk.share.versions-per-minute=1000000",
            "packetwalk.share.labs-per-minute-per-address=1000");
    String document = resource("two-pods-on-a-bridge.json");
    String labId;
    String editSecret;
    Map<Integer, String> answered = new ConcurrentHashMap<>();
    try (JarServer server = JarServer.start(jar, List.of("-Xmx256m"), properties)) {
      JsonNode created = JSON.readTree(post(server, "/api/shared", null, document).body());
      labId = created.get("id").asString();
      editSecret = created.get("editSecret").asString();
      answered.put(1, "Two pods on one bridge");

      AtomicBoolean killed = new AtomicBoolean();
      List<Future<Integer>> editors = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(EDITORS)) {
        for (int e = 0; e < EDITORS; e++) {
          String editor = "editor " + e;
          editors.add(
              pool.submit(() -> {
                int failures = 0;
                for (int i = 0; !killed.get() || failures == 0; i++) {
                  String name = editor + " save " + i;
                  try {
                    HttpResponse<String> saved =
                        post(
                            server,
                            "/api/shared/" + labId + "/versions",
                            editSecret,
                            renamed(document, name));
                    if (saved.statusCode() == 201) {
                      answered.put(JSON.readTree(saved.body()).get("version").asInt(), name);
                    }
                  } catch (IOException gone) {
                    failures++;
                    if (killed.get()) {
                      break;
                    }
                  }
                }
                return failures;
              }));
        }
        Thread.sleep(3_000);
        killed.set(true);
        server.kill();
        for (Future<Integer> editor : editors) {
          editor.get();
        }
      }
    }
    assertThat(answered).hasSizeGreaterThan(EDITORS * 5);

    try (JarServer server = JarServer.start(jar, List.of("-Xmx256m"), properties)) {
      JsonNode versions =
          JSON.readTree(get(server, "/api/shared/" + labId + "/versions", editSecret).body());
      List<Integer> numbers = new ArrayList<>();
      versions.forEach(v -> numbers.add(v.get("versionNumber").asInt()));
      assertThat(numbers).startsWith(1).isSorted().doesNotHaveDuplicates();
      assertThat(numbers.getLast()).isEqualTo(numbers.size());
      assertThat(numbers).containsAll(answered.keySet());
      for (int number : numbers) {
        HttpResponse<String> version =
            get(server, "/api/shared/" + labId + "/versions/" + number, editSecret);
        assertThat(version.statusCode())
            .as("version %d: %s", number, version.body())
            .isEqualTo(200);
        String name = JSON.readTree(version.body()).get("name").asString();
        if (answered.containsKey(number)) {
          assertThat(name).as("version %d", number).isEqualTo(answered.get(number));
        }
      }
      System.out.printf(
          "SharedLabCrashIT: %d saves answered before kill -9, %d versions after restart%n",
          answered.size(), numbers.size());
    } finally {
      try (Stream<Path> files = Files.walk(db.getParent())) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private HttpResponse<String> post(JarServer server, String path, String secret, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Packetwalk", "1")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Lab-Secret", secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(JarServer server, String path, String secret)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Lab-Secret", secret)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String renamed(String document, String name) {
    return document.replace("\"Two pods on one bridge\"", JSON.writeValueAsString(name));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SharedLabCrashIT.class.getResourceAsStream("/labs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
