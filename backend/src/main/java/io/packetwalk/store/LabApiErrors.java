package io.packetwalk.store;

import io.packetwalk.lab.LabProblem;
import io.packetwalk.system.ClientWatch;
import io.packetwalk.system.ServerBusyException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of a {@code /api/labs} request into JSON {@code {error, message, problems[]}}
 * with the right status, never a stack trace.
 */
@RestControllerAdvice(assignableTypes = LabController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LabApiErrors {

  private static final Logger log = LoggerFactory.getLogger(LabApiErrors.class);

  @ExceptionHandler(LabFormatException.class)
  ResponseEntity<LabApiError> format(LabFormatException e) {
    return respond(
        e.reason().httpStatus(),
        new LabApiError("LAB_" + e.reason().name(), e.getMessage(), e.problems()));
  }

  @ExceptionHandler(LabApiException.class)
  ResponseEntity<LabApiError> refused(LabApiException e) {
    return respond(e.status(), e.body());
  }

  @ExceptionHandler(ServerBusyException.class)
  ResponseEntity<LabApiError> busy(ServerBusyException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            new LabApiError(
                "SERVER_BUSY", e.getMessage(), List.of(new LabProblem("$", e.getMessage()))));
  }

  /** The client went away mid-import: its run was cancelled and nobody is left to answer. */
  @ExceptionHandler(ClientWatch.ClientGoneException.class)
  void clientGone(ClientWatch.ClientGoneException e) {
    log.debug("A client went away while its import ran: {}", e.getCause().toString());
  }

  /** Spring's own request errors keep their status; anything else is logged and hidden. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<LabApiError> any(Exception e) {
    if (e instanceof ErrorResponse response) {
      HttpStatusCode status = response.getStatusCode();
      String detail = response.getBody().getDetail();
      String message =
          detail == null ? "The request failed with status " + status.value() + "." : detail;
      return respond(
          status,
          new LabApiError(
              "HTTP_" + status.value(), message, List.of(new LabProblem("$", message))));
    }
    if (ClientWatch.isClientAbort(e)) {
      log.debug("A client went away: {}", e.toString());
      return null;
    }
    log.error("Lab request failed", e);
    String message = "The server failed to handle the request; the server log has the details.";
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        new LabApiError("INTERNAL_ERROR", message, List.of(new LabProblem("$", message))));
  }

  private static ResponseEntity<LabApiError> respond(HttpStatusCode status, LabApiError body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
