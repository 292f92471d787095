package io.packetwalk.store;

import io.packetwalk.lab.LabProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A refused {@code /api/labs} request: status, stable code, sentence and problems. */
final class LabApiException extends RuntimeException {

  private final HttpStatus status;
  private final String error;
  private final List<LabProblem> problems;

  LabApiException(HttpStatus status, String error, String message, List<LabProblem> problems) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.problems = List.copyOf(problems);
  }

  HttpStatus status() {
    return status;
  }

  LabApiError body() {
    return new LabApiError(error, getMessage(), problems);
  }
}
