package io.packetwalk.share;

import io.packetwalk.PacketwalkApplication;
import io.packetwalk.bench.BenchLabs;
import io.packetwalk.lab.LabImport;
import io.packetwalk.store.LabDocumentCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Save latency as a client sees it: {@code POST /api/shared/{id}/versions} with the edit secret and
 * a lab document, over HTTP to a running server, until the new version's number comes back. Each
 * sample is one save (a new immutable version row); JMH's sample mode gives p50 and p99.
 *
 * <ul>
 *   <li>{@code store=h2}: the embedded H2 file the run command uses, in a fresh temporary
 *       directory.
 *   <li>{@code store=postgresql}: a real PostgreSQL server from Debian's packages, started for the
 *       trial with its default durability (every commit fsynced) and deleted after it.
 * </ul>
 *
 * The document is {@link BenchLabs#namespacesOnABridge} of {@code namespaces} containers, imported
 * as a lab.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SaveLatencyBenchmark {

  @Param({"h2", "postgresql"})
  public String store;

  @Param({"10", "200"})
  public int namespaces;

  private Path directory;
  private PostgresCluster postgres;
  private ConfigurableApplicationContext server;
  private HttpClient http;
  private HttpRequest save;

  @Setup(Level.Trial)
  public void start() throws Exception {
    directory = Files.createTempDirectory("packetwalk-savebench-");
    try {
      SpringApplicationBuilder app =
          new SpringApplicationBuilder(PacketwalkApplication.class)
              .properties(
                  "server.port=0",
                  "packetwalk.db.path=" + directory.resolve("labs"),
                  "packetwalk.share.versions-per-minute=" + Integer.MAX_VALUE,
                  "logging.level.root=WARN");
      if (store.equals("postgresql")) {
        postgres = PostgresCluster.startDurable();
        app.properties(
            "spring.datasource.url=" + postgres.createDatabase("packetwalk"),
            "spring.datasource.username=" + postgres.user(),
            "spring.datasource.password=");
      } else if (!store.equals("h2")) {
        throw new IllegalArgumentException("store " + store + " is not h2 or postgresql");
      }
      server = app.run();
      prepareSave();
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  private void prepareSave() throws IOException, InterruptedException {
    int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    http = HttpClient.newHttpClient();
    String document = document(namespaces);
    JsonNode created = created(port, document);
    save =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/shared/"
                        + created.get("id").asString()
                        + "/versions"))
            .header(SharedLabController.SECRET_HEADER, created.get("editSecret").asString())
            .header("Content-Type", "application/json")
            .header("X-Packetwalk", "1")
            .POST(HttpRequest.BodyPublishers.ofString(document))
            .build();
  }

  @Benchmark
  public int saveVersion() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(save, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "save answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().length();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private JsonNode created(int port, String document) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/shared"))
                .header("Content-Type", "application/json")
                .header("X-Packetwalk", "1")
                .POST(HttpRequest.BodyPublishers.ofString(document))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "creating the lab answered " + response.statusCode() + ": " + response.body());
    }
    return JsonMapper.builder().build().readTree(response.body());
  }

  private static String document(int namespaces) {
    LabImport.Result imported =
        LabImport.fromScript(BenchLabs.namespacesOnABridge(namespaces, "ns"), "save-benchmark");
    if (imported.document() == null) {
      throw new IllegalStateException("the benchmark lab did not import: " + imported.problems());
    }
    byte[] json =
        new LabDocumentCodec().write(imported.document()).getBytes(StandardCharsets.UTF_8);
    System.out.println(
        "# lab document of " + namespaces + " namespaces: " + json.length + " bytes");
    return new String(json, StandardCharsets.UTF_8);
  }
}
