package io.packetwalk.share;

import io.packetwalk.store.LabFormatException;
import io.packetwalk.system.ClientWatch;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
 * Turns every failure of a {@code /api/shared} request into JSON {@code {error, message,
 * problems[]}} with the right status, never a stack trace.
 */
@RestControllerAdvice(assignableTypes = SharedLabController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShareErrors {

  private static final Logger log = LoggerFactory.getLogger(ShareErrors.class);

  @ExceptionHandler(ShareException.class)
  ResponseEntity<ShareError> refused(ShareException e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      response.header("WWW-Authenticate", "LabSecret realm=\"packetwalk\"");
    }
    if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
      response.header("Retry-After", "60");
    }
    return response
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ShareError(e.code(), e.getMessage(), List.of()));
  }

  @ExceptionHandler(LabFormatException.class)
  ResponseEntity<ShareError> format(LabFormatException e) {
    return respond(
        e.reason().httpStatus(),
        new ShareError("LAB_" + e.reason().name(), e.getMessage(), e.problems()));
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<ShareError> typeMismatch(TypeMismatchException e) {
    return respond(
        HttpStatus.BAD_REQUEST,
        new ShareError(
            "BAD_PARAMETER",
            "\"" + e.getValue() + "\" is not a version number (1, 2, …).",
            List.of()));
  }

  /** Spring's own request errors keep their status; anything else is logged and hidden. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ShareError> any(Exception e) {
    if (e instanceof ErrorResponse response) {
      HttpStatusCode status = response.getStatusCode();
      String detail = response.getBody().getDetail();
      String message =
          detail == null ? "The request failed with status " + status.value() + "." : detail;
      return respond(status, new ShareError("HTTP_" + status.value(), message, List.of()));
    }
    if (ClientWatch.isClientAbort(e)) {
      log.debug("A client went away: {}", e.toString());
      return null;
    }
    log.error("Shared lab request failed", e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        new ShareError(
            "INTERNAL_ERROR",
            "The server failed to handle the request; the server log has the details.",
            List.of()));
  }

  private static ResponseEntity<ShareError> respond(HttpStatusCode status, ShareError body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
