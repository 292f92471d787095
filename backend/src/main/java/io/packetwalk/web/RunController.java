package io.packetwalk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ScriptRunner;
import io.packetwalk.system.ClientWatch;
import io.packetwalk.system.LimitsProperties;
import io.packetwalk.system.SimulationSlots;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/run}: runs a command script (text/plain) in a fresh simulated world, in the
 * script lane of {@link SimulationSlots} and within the configured run limits, and returns one
 * outcome per command, as {@code run --json} prints them; a client that goes away cancels the run.
 * {@code GET /api/health} says the server is up.
 */
@RestController
class RunController {

  /** The largest script accepted, in bytes (256 KiB). */
  static final int MAX_SCRIPT_BYTES = 256 * 1024;

  /** Outcomes as JSON, {@code stopped} left out when no limit cut a command. */
  private static final JsonMapper OUTCOMES =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private final SimulationSlots slots;
  private final RunLimits limits;

  RunController(SimulationSlots slots, LimitsProperties limits) {
    this.slots = slots;
    this.limits = limits.runLimits();
  }

  @PostMapping(path = "/api/run", consumes = MediaType.TEXT_PLAIN_VALUE)
  void run(
      @RequestHeader(name = "Content-Length", required = false) Long contentLength,
      InputStream body,
      HttpServletResponse response)
      throws IOException {
    if (contentLength != null && contentLength > MAX_SCRIPT_BYTES) {
      throw new ScriptTooLargeException(MAX_SCRIPT_BYTES);
    }
    byte[] bytes = body.readNBytes(MAX_SCRIPT_BYTES + 1);
    if (bytes.length > MAX_SCRIPT_BYTES) {
      throw new ScriptTooLargeException(MAX_SCRIPT_BYTES);
    }
    String script = utf8(bytes);
    ScriptParser.parseScript(script);
    List<CommandOutcome> outcomes =
        ClientWatch.run(
            response,
            MediaType.APPLICATION_JSON_VALUE,
            watch ->
                slots.runScript(() -> {
                  watch.started().run();
                  return new ScriptRunner().run(script, limits, watch.cancelled());
                }));
    ClientWatch.answerJson(response, OUTCOMES.writeValueAsBytes(outcomes));
  }

  @GetMapping("/api/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ScriptNotUtf8Exception();
    }
  }
}
