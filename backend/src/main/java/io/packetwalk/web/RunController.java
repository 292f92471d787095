package io.packetwalk.web;

import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ScriptRunner;
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

/**
 * {@code POST /api/run}: runs a command script (text/plain) in a fresh simulated world and returns
 * one outcome per command, as {@code run --json} prints them. {@code GET /api/health} says the
 * server is up.
 */
@RestController
class RunController {

  /** The largest script accepted, in bytes (256 KiB). */
  static final int MAX_SCRIPT_BYTES = 256 * 1024;

  @PostMapping(path = "/api/run", consumes = MediaType.TEXT_PLAIN_VALUE)
  List<CommandOutcome> run(
      @RequestHeader(name = "Content-Length", required = false) Long contentLength,
      InputStream body)
      throws IOException {
    if (contentLength != null && contentLength > MAX_SCRIPT_BYTES) {
      throw new ScriptTooLargeException(MAX_SCRIPT_BYTES);
    }
    byte[] bytes = body.readNBytes(MAX_SCRIPT_BYTES + 1);
    if (bytes.length > MAX_SCRIPT_BYTES) {
      throw new ScriptTooLargeException(MAX_SCRIPT_BYTES);
    }
    return new ScriptRunner().run(utf8(bytes));
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
