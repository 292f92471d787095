package io.packetwalk.store;

import io.packetwalk.lab.LabProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A lab document that cannot be read: why (a closed set of reasons) and where (problems). */
public final class LabFormatException extends RuntimeException {

  /** Why a document was refused. */
  public enum Reason {
    /** Larger than {@link LabDocumentCodec#MAX_BYTES}. */
    TOO_LARGE,
    /** Not JSON at all (or not UTF-8). */
    NOT_JSON,
    /** No {@code schemaVersion}, or one this server does not know. */
    UNSUPPORTED_VERSION,
    /** JSON, but not a valid lab document: unknown fields, wrong types, bad values. */
    INVALID;

    /** The status an HTTP API answers a document refused for this reason with. */
    public HttpStatus httpStatus() {
      return switch (this) {
        case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        case NOT_JSON -> HttpStatus.BAD_REQUEST;
        case UNSUPPORTED_VERSION, INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
      };
    }
  }

  private final Reason reason;
  private final List<LabProblem> problems;

  public LabFormatException(Reason reason, String message, List<LabProblem> problems) {
    super(message, null, false, false);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  public List<LabProblem> problems() {
    return problems;
  }
}
