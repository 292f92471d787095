package io.packetwalk.store;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabProblem;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lab documents as JSON text. Reading is strict and explains itself: a document over {@link
 * #MAX_BYTES} is refused with the limit named; broken JSON is reported with its line and column;
 * unknown fields, wrong types and bad values are reported with their JSON paths (all of them, not
 * just the first); an older {@code schemaVersion} is migrated, a missing or newer one refused.
 * Writing gives one canonical, pretty-printed form.
 */
@Component
public final class LabDocumentCodec {

  /**
   * The largest document read, in bytes (8 MiB): more than the largest lab an import can make (a
   * 10,000-line script), so every document the server writes it also reads back.
   */
  public static final int MAX_BYTES = 8 << 20;

  /** What was read: the (current-version) document and the version the text was written in. */
  public record Decoded(LabDocument document, int writtenVersion) {

    /** Whether the text was an older version, migrated while reading. */
    public boolean migrated() {
      return writtenVersion != document.schemaVersion();
    }
  }

  private final JsonMapper json;

  public LabDocumentCodec() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES)
                    .maxNestingDepth(64)
                    .build())
            .build();
    this.json =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  public Decoded read(byte[] text) {
    if (text.length > MAX_BYTES) {
      throw tooLarge(text.length);
    }
    JsonNode root = parse(text);
    if (!(root instanceof ObjectNode object)) {
      throw invalid(
          new LabProblem(
              "$", "expected a lab document (an object), found " + JsonFields.describe(root)));
    }
    int version = version(object);
    if (version < LabDocument.SCHEMA_VERSION) {
      LabMigrations.migrate(object, version);
    }
    return new Decoded(LabJsonReader.read(object), version);
  }

  /** The document as pretty-printed JSON, ending in a newline. */
  public String write(LabDocument document) {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(LabJsonWriter.write(document))
        + "\n";
  }

  /** The message for a document of {@code size} bytes when it is over the limit. */
  static LabFormatException tooLarge(long size) {
    String message =
        "The lab document is "
            + (size < 0 ? "larger than the limit" : size + " bytes")
            + "; the limit is "
            + MAX_BYTES
            + " bytes (8 MiB).";
    return new LabFormatException(
        LabFormatException.Reason.TOO_LARGE, message, List.of(new LabProblem("$", message)));
  }

  private JsonNode parse(byte[] text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JacksonException e) {
      throw notJson(e);
    }
    if (root == null || root.isMissingNode()) {
      String message = "The body is empty; send a lab document (JSON).";
      throw new LabFormatException(
          LabFormatException.Reason.NOT_JSON, message, List.of(new LabProblem("$", message)));
    }
    return root;
  }

  private static LabFormatException notJson(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    String reason = e.getOriginalMessage();
    int cut = reason.indexOf('\n');
    reason = cut < 0 ? reason : reason.substring(0, cut);
    reason = reason.replaceAll(", from `[^`]*`", "");
    String path = "$";
    if (e.processor() instanceof JsonParser parser) {
      path = path(parser.streamReadContext());
    }
    return new LabFormatException(
        LabFormatException.Reason.NOT_JSON,
        "The lab document is not valid JSON (" + where + reason + "); nothing was loaded.",
        List.of(new LabProblem(path, where + reason)));
  }

  /** The JSON path of a parser's position, in the document's path notation. */
  private static String path(TokenStreamContext context) {
    if (context == null || context.inRoot()) {
      return "$";
    }
    String parent = path(context.getParent());
    if (context.inArray()) {
      return (parent.equals("$") ? "" : parent)
          + "["
          + Math.max(0, context.getCurrentIndex())
          + "]";
    }
    String name = context.currentName();
    return name == null ? parent : JsonFields.join(parent, name);
  }

  private static int version(ObjectNode root) {
    JsonNode node = root.get("schemaVersion");
    int oldest = LabMigrations.oldest();
    int current = LabDocument.SCHEMA_VERSION;
    String known = "this server reads versions " + oldest + " to " + current;
    if (node == null || node.isNull()) {
      throw unsupported(
          "schemaVersion is missing: every lab document names its format version ("
              + known
              + ", and writes "
              + current
              + ")");
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw invalid(
          new LabProblem(
              "schemaVersion", "expected an integer, found " + JsonFields.describe(node)));
    }
    int version = node.intValue();
    if (version > current) {
      throw unsupported(
          "schemaVersion "
              + version
              + " is newer than this server ("
              + known
              + "); open the lab with a newer Packetwalk");
    }
    if (version < oldest) {
      throw unsupported("schemaVersion " + version + " does not exist (" + known + ")");
    }
    return version;
  }

  private static LabFormatException unsupported(String message) {
    return new LabFormatException(
        LabFormatException.Reason.UNSUPPORTED_VERSION,
        "The lab document cannot be read: " + message + ".",
        List.of(new LabProblem("schemaVersion", message)));
  }

  private static LabFormatException invalid(LabProblem problem) {
    return new LabFormatException(
        LabFormatException.Reason.INVALID,
        "The lab document has 1 problem; nothing was loaded.",
        List.of(problem));
  }
}
