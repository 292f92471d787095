package io.packetwalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.packetwalk.shell.ScriptParser;
import io.packetwalk.system.LimitsProperties;
import io.packetwalk.system.SimulationSlots;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /api/labs} endpoints on the controller and its error advice alone: statuses, bodies,
 * and errors as JSON with problems, never a stack trace.
 */
class LabControllerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(
              new LabController(
                  new LabDocumentCodec(),
                  new SimulationSlots(
                      new SimulationSlots.LaneSize(1, 4),
                      new SimulationSlots.LaneSize(1, 4),
                      Duration.ofSeconds(30)),
                  new LimitsProperties(
                      5_000,
                      10_000,
                      Duration.ofDays(1),
                      Duration.ofSeconds(10),
                      1 << 20,
                      2,
                      256,
                      1,
                      16,
                      Duration.ofSeconds(30))))
          .setControllerAdvice(new LabApiErrors())
          .build();

  private MockHttpServletResponse send(String path, MediaType type, String body) throws Exception {
    return mvc.perform(post(path).contentType(type).content(body.getBytes(StandardCharsets.UTF_8)))
        .andReturn()
        .getResponse();
  }

  private static JsonNode json(MockHttpServletResponse response) throws Exception {
    return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void validatesTheExampleDocument() throws Exception {
    MockHttpServletResponse response =
        send(
            "/api/labs/validate",
            MediaType.APPLICATION_JSON,
            LabDocumentCodecTest.resource("two-pods-on-a-bridge.json"));
    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.get("valid").booleanValue()).isTrue();
    assertThat(report.get("writtenVersion").intValue()).isEqualTo(1);
    assertThat(report.get("migrated").booleanValue()).isFalse();
    assertThat(report.get("problems")).isEmpty();
  }

  @Test
  void validatesAVersion0DocumentAndSaysItWasMigrated() throws Exception {
    JsonNode report =
        json(
            send(
                "/api/labs/validate",
                MediaType.APPLICATION_JSON,
                LabDocumentCodecTest.resource("v0-two-pods-on-a-bridge.json")));
    assertThat(report.get("valid").booleanValue()).isTrue();
    assertThat(report.get("writtenVersion").intValue()).isZero();
    assertThat(report.get("migrated").booleanValue()).isTrue();
  }

  @Test
  void reportsEveryProblemOfABrokenDocumentWithItsPath() throws Exception {
    String broken =
        LabDocumentCodecTest.resource("two-pods-on-a-bridge.json")
            .replace(
                "\"master\": \"br0\", \"peer\": { \"netns\": \"c1\"",
                "\"master\": \"br9\", \"peer\": { \"netns\": \"c1\"");
    JsonNode report = json(send("/api/labs/validate", MediaType.APPLICATION_JSON, broken));
    assertThat(report.get("valid").booleanValue()).isFalse();
    assertThat(report.get("problems").get(0).get("path").stringValue())
        .isEqualTo("hosts[0].namespaces[0].devices[2].master");
    assertThat(report.get("problems").get(0).get("message").stringValue())
        .isEqualTo("no bridge \"br9\" in the root namespace");
  }

  @Test
  void exportsTheExampleAsABashScript() throws Exception {
    MockHttpServletResponse response =
        send(
            "/api/labs/export-script",
            MediaType.APPLICATION_JSON,
            LabDocumentCodecTest.resource("two-pods-on-a-bridge.json"));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/plain");
    String script = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(script)
        .startsWith("#!/usr/bin/env bash\n")
        .contains(
            "ip netns add c1",
            "ip link add veth-c1 type veth peer name eth0 netns c1",
            "ip netns exec c1 ip route add default via 172.16.100.1 dev eth0",
            "bridge fdb add 02:00:00:00:01:02 dev veth-c1 master static",
            "ip netns exec c2 sysctl -w net.ipv4.conf.eth0.rp_filter=1");
  }

  @Test
  void exportsEveryHostOfALabAsOneScriptForOneMachine() throws Exception {
    String lab =
        new LabDocumentCodec()
            .write(
                io.packetwalk.lab.LabImport.fromScript(
                        "pw host add node2\npw switch add sw0\n"
                            + "pw nic add host1 eth0 switch sw0 address 02:00:00:00:01:01\n"
                            + "pw nic add node2 eth0 switch sw0 address 02:00:00:00:02:01\n"
                            + "pw on node2 ip netns add pod\n",
                        "two nodes")
                    .document());
    MockHttpServletResponse response =
        send("/api/labs/export-script?hosts=all", MediaType.APPLICATION_JSON, lab);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .startsWith(
            "#!/usr/bin/env bash\n# Packetwalk lab \"two nodes\": 2 hosts and 1 underlay switch")
        .contains(
            "ip netns add host1\nip netns add node2\n",
            "ip netns exec pw-underlay-sw0 ip link add port2 type veth peer name eth0 address"
                + " 02:00:00:00:02:01 netns node2\n",
            "ip netns add node2-pod\n");
    MockHttpServletResponse wrong =
        send("/api/labs/export-script?hosts=some", MediaType.APPLICATION_JSON, lab);
    assertThat(wrong.getStatus()).isEqualTo(400);
    assertThat(json(wrong).get("error").stringValue()).isEqualTo("BAD_PARAMETER");
  }

  @Test
  void refusesToExportAnInvalidDocumentWith422AndItsProblems() throws Exception {
    MockHttpServletResponse response =
        send(
            "/api/labs/export-script",
            MediaType.APPLICATION_JSON,
            "{\"schemaVersion\": 1, \"name\": \"x\", \"hosts\": [{\"name\": \"host1\", \"namespaces\": [], \"extra\": 1}]}");
    assertThat(response.getStatus()).isEqualTo(422);
    JsonNode error = json(response);
    assertThat(error.get("error").stringValue()).isEqualTo("LAB_INVALID");
    assertThat(error.get("problems").get(0).get("path").stringValue()).isEqualTo("hosts[0].extra");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void refusesANewerSchemaVersionWith422() throws Exception {
    MockHttpServletResponse response =
        send(
            "/api/labs/export-script",
            MediaType.APPLICATION_JSON,
            "{\"schemaVersion\": 2, \"name\": \"x\", \"hosts\": []}");
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(json(response).get("error").stringValue()).isEqualTo("LAB_UNSUPPORTED_VERSION");
  }

  @Test
  void refusesBrokenJsonWith400NamingLineAndColumn() throws Exception {
    MockHttpServletResponse response =
        send("/api/labs/export-script", MediaType.APPLICATION_JSON, "{\"schemaVersion\": 1,,}");
    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode error = json(response);
    assertThat(error.get("error").stringValue()).isEqualTo("LAB_NOT_JSON");
    assertThat(error.get("message").stringValue()).contains("line 1, column");
  }

  @Test
  void refusesAnOversizedDocumentWith413NamingTheLimit() throws Exception {
    String huge = "{\"name\": \"" + "x".repeat(LabDocumentCodec.MAX_BYTES) + "\"}";
    MockHttpServletResponse response = send("/api/labs/validate", MediaType.APPLICATION_JSON, huge);
    assertThat(response.getStatus()).isEqualTo(413);
    JsonNode error = json(response);
    assertThat(error.get("error").stringValue()).isEqualTo("LAB_TOO_LARGE");
    assertThat(error.get("message").stringValue()).contains("8388608 bytes (8 MiB)");
  }

  @Test
  void refusesAnImportScriptOverOneMebibyteWith413NamingTheLimit() throws Exception {
    String script = "sleep 0\n".repeat(ScriptParser.MAX_SCRIPT_BYTES / 8 + 1);
    MockHttpServletResponse response =
        send("/api/labs/import-script", MediaType.TEXT_PLAIN, script);
    assertThat(response.getStatus()).isEqualTo(413);
    JsonNode error = json(response);
    assertThat(error.get("error").stringValue()).isEqualTo("SCRIPT_TOO_LARGE");
    assertThat(error.get("message").stringValue()).contains("1048576 bytes (1 MiB)");
  }

  @Test
  void refusesAnUnknownHostWhenExporting() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/labs/export-script")
                    .param("host", "host7")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(LabDocumentCodecTest.resource("two-pods-on-a-bridge.json")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(422);
    assertThat(json(response).get("error").stringValue()).isEqualTo("NO_SUCH_HOST");
  }

  @Test
  void importsAScriptAsTheDocumentOfTheWorldItMakes() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/labs/import-script")
                    .param("name", "pair")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content("ip netns add a\nip link add v1 type veth peer name v2 netns a\n"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode document = json(response);
    assertThat(document.get("schemaVersion").intValue()).isEqualTo(1);
    assertThat(document.get("name").stringValue()).isEqualTo("pair");
    JsonNode a = document.get("hosts").get(0).get("namespaces").get(1);
    assertThat(a.get("name").stringValue()).isEqualTo("a");
    assertThat(a.get("devices").get(1).get("peer").get("device").stringValue()).isEqualTo("v1");
  }

  @Test
  void refusesAnImportWhoseCommandsFailListingEachLine() throws Exception {
    MockHttpServletResponse response =
        send(
            "/api/labs/import-script",
            MediaType.TEXT_PLAIN,
            "ip netns add a\nip link set nosuch up\n");
    assertThat(response.getStatus()).isEqualTo(422);
    JsonNode problem = json(response).get("problems").get(0);
    assertThat(problem.get("path").stringValue()).isEqualTo("line 2");
    assertThat(problem.get("message").stringValue()).contains("ip link set nosuch up");
  }

  @Test
  void refusesAnImportWhoseScriptCannotBeParsedNamingTheLine() throws Exception {
    MockHttpServletResponse response =
        send("/api/labs/import-script", MediaType.TEXT_PLAIN, "# a lab\nip netns add a ; cat\n");
    assertThat(response.getStatus()).isEqualTo(422);
    JsonNode error = json(response);
    assertThat(error.get("error").stringValue()).isEqualTo("SCRIPT_FAILED");
    assertThat(error.get("problems").get(0).get("path").stringValue()).isEqualTo("line 2");
  }

  @Test
  void refusesABlankLabName() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/labs/import-script")
                    .param("name", " ")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content("sleep 0\n"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response).get("problems").get(0).get("path").stringValue()).isEqualTo("name");
  }

  @Test
  void refusesAScriptThatIsNotUtf8() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/labs/import-script")
                    .contentType(MediaType.TEXT_PLAIN)
                    .content(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response).get("error").stringValue()).isEqualTo("SCRIPT_NOT_UTF8");
  }
}
