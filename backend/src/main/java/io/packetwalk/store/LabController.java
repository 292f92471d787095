package io.packetwalk.store;

import io.packetwalk.lab.LabBuilder;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabHost;
import io.packetwalk.lab.LabImport;
import io.packetwalk.lab.LabProblem;
import io.packetwalk.lab.LabScript;
import io.packetwalk.lab.LabValueException;
import io.packetwalk.lab.WorldScript;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ShellRun;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/labs}: import a command script as a lab document, export a document as a bash script,
 * and validate a document. Bodies are read with a size limit; every refusal is JSON {@code {error,
 * message, problems[]}} (see {@link LabApiErrors}).
 */
@RestController
@RequestMapping("/api/labs")
class LabController {

  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  /** The name an imported lab gets when the request names none. */
  static final String DEFAULT_NAME = "Imported lab";

  private final LabDocumentCodec codec;
  private final SimulationSlots slots;
  private final RunLimits limits;

  LabController(LabDocumentCodec codec, SimulationSlots slots, LimitsProperties limits) {
    this.codec = codec;
    this.slots = slots;
    this.limits = limits.runLimits();
  }

  /**
   * A script (text/plain) run in a fresh world, in the script lane and within the run limits, and
   * read back as a document (JSON); a client that goes away cancels the run.
   */
  @PostMapping("/import-script")
  void importScript(
      @RequestParam(name = "name", required = false) String name,
      InputStream body,
      HttpServletResponse response)
      throws IOException {
    String labName = name == null ? DEFAULT_NAME : name;
    byte[] bytes = body.readNBytes(ScriptParser.MAX_SCRIPT_BYTES + 1);
    if (bytes.length > ScriptParser.MAX_SCRIPT_BYTES) {
      String message =
          "The script is larger than the limit of "
              + ScriptParser.MAX_SCRIPT_BYTES
              + " bytes (1 MiB).";
      throw new LabApiException(
          HttpStatus.CONTENT_TOO_LARGE,
          "SCRIPT_TOO_LARGE",
          message,
          List.of(new LabProblem("$", message)));
    }
    String script = utf8(bytes);
    try {
      LabDocument.checkName(labName);
    } catch (LabValueException e) {
      throw new LabApiException(
          HttpStatus.BAD_REQUEST,
          "BAD_LAB_NAME",
          "The lab name (query parameter \"name\") " + e.reason() + ".",
          List.of(new LabProblem("name", e.reason())));
    }
    LabImport.Result result =
        ClientWatch.run(
            response,
            MediaType.APPLICATION_JSON_VALUE,
            watch ->
                slots.runScript(() -> {
                  watch.started().run();
                  return LabImport.fromScript(
                      script, labName, new ShellRun(limits, watch.cancelled()));
                }));
    if (result.document() == null) {
      throw new LabApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "SCRIPT_FAILED",
          "The script did not run cleanly, so no lab was made; see the problems for each line.",
          result.problems());
    }
    byte[] json = codec.write(result.document()).getBytes(StandardCharsets.UTF_8);
    if (json.length > LabDocumentCodec.MAX_BYTES) {
      throw LabDocumentCodec.tooLarge(json.length);
    }
    ClientWatch.answerJson(response, json);
  }

  /**
   * A document (JSON) as the bash script that rebuilds one of its hosts (text/plain), or with
   * {@code hosts=all} the whole lab, every host a network namespace of one machine.
   */
  @PostMapping("/export-script")
  ResponseEntity<String> exportScript(
      @RequestParam(name = "host", required = false) String host,
      @RequestParam(name = "hosts", required = false) String hosts,
      InputStream body)
      throws IOException {
    if (hosts != null && !hosts.equals("all")) {
      throw new LabApiException(
          HttpStatus.BAD_REQUEST,
          "BAD_PARAMETER",
          "hosts=" + hosts + " is not understood; hosts=all exports every host in one script.",
          List.of(new LabProblem("hosts", "only \"all\" is understood")));
    }
    byte[] bytes = document(body);
    return slots.runScript(() -> hosts == null ? exportScript(host, bytes) : exportAll(bytes));
  }

  private ResponseEntity<String> exportAll(byte[] body) {
    LabDocument document = codec.read(body).document();
    List<LabProblem> problems = LabBuilder.check(document);
    WorldScript script = problems.isEmpty() ? WorldScript.of(document) : null;
    refuseToExport(script == null ? problems : script.problems());
    return ResponseEntity.ok().contentType(TEXT).body(script.text());
  }

  private static void refuseToExport(List<LabProblem> problems) {
    if (!problems.isEmpty()) {
      throw new LabApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "LAB_CANNOT_BE_BUILT",
          "The lab cannot be rebuilt exactly by a script; see the problems.",
          problems);
    }
  }

  private ResponseEntity<String> exportScript(String host, byte[] body) {
    LabDocument document = codec.read(body).document();
    refuseToExport(LabBuilder.check(document));
    int index = 0;
    if (host != null) {
      List<String> names = document.hosts().stream().map(LabHost::name).toList();
      index = names.indexOf(host);
      if (index < 0) {
        throw new LabApiException(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "NO_SUCH_HOST",
            "The lab has no host \"" + host + "\"; its hosts are " + names + ".",
            List.of(new LabProblem("hosts", "no host \"" + host + "\"")));
      }
    }
    return ResponseEntity.ok().contentType(TEXT).body(LabScript.of(document, index).text());
  }

  /** Whether a document (JSON) can be read and built, with every problem found. */
  @PostMapping("/validate")
  ValidationReport validate(InputStream body) throws IOException {
    byte[] bytes = document(body);
    return slots.runScript(() -> validate(bytes));
  }

  private ValidationReport validate(byte[] bytes) {
    LabDocumentCodec.Decoded decoded;
    try {
      decoded = codec.read(bytes);
    } catch (LabFormatException e) {
      if (e.reason() == LabFormatException.Reason.TOO_LARGE) {
        throw e;
      }
      return new ValidationReport(false, null, false, e.problems());
    }
    List<LabProblem> problems = LabBuilder.check(decoded.document());
    return new ValidationReport(
        problems.isEmpty(), decoded.writtenVersion(), decoded.migrated(), problems);
  }

  private static byte[] document(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(LabDocumentCodec.MAX_BYTES + 1);
    if (bytes.length > LabDocumentCodec.MAX_BYTES) {
      throw LabDocumentCodec.tooLarge(-1);
    }
    return bytes;
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
      String message = "The script is not UTF-8 text.";
      throw new LabApiException(
          HttpStatus.BAD_REQUEST,
          "SCRIPT_NOT_UTF8",
          message,
          List.of(new LabProblem("$", message)));
    }
  }
}
