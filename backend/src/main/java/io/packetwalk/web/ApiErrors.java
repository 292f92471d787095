package io.packetwalk.web;

import io.packetwalk.shell.ScriptSyntaxException;
import io.packetwalk.system.ClientWatch;
import io.packetwalk.system.ServerBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a request into JSON {@code {error, message}} with the right status, never
 * a stack trace: the status's name as the code, and a sentence that says what to do.
 */
@RestControllerAdvice
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ScriptTooLargeException.class)
  ResponseEntity<ApiError> tooLarge(ScriptTooLargeException e) {
    return error(HttpStatus.CONTENT_TOO_LARGE, "SCRIPT_TOO_LARGE", e.getMessage());
  }

  @ExceptionHandler(ScriptNotUtf8Exception.class)
  ResponseEntity<ApiError> notUtf8(ScriptNotUtf8Exception e) {
    return error(HttpStatus.BAD_REQUEST, "SCRIPT_NOT_UTF8", e.getMessage());
  }

  @ExceptionHandler(ScriptSyntaxException.class)
  ResponseEntity<ApiError> syntax(ScriptSyntaxException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "SCRIPT_SYNTAX",
        "The script cannot run: " + e.getMessage() + ". Nothing was run.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the body as "
            + e.getSupportedMediaTypes().stream().map(Object::toString).toList()
            + ", not "
            + e.getContentType()
            + " (with curl: -H 'Content-Type: text/plain' --data-binary @script.sh).");
  }

  @ExceptionHandler(ServerBusyException.class)
  ResponseEntity<ApiError> busy(ServerBusyException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("SERVER_BUSY", e.getMessage()));
  }

  /** The client went away mid-run: its run was cancelled and nobody is left to answer. */
  @ExceptionHandler(ClientWatch.ClientGoneException.class)
  void clientGone(ClientWatch.ClientGoneException e) {
    log.debug("A client went away while its script ran: {}", e.getCause().toString());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
    return error(
        HttpStatus.NOT_FOUND,
        "NOT_FOUND",
        "Nothing is at "
            + e.getHttpMethod()
            + " /"
            + e.getResourcePath()
            + "; the lab page is at / and the API under /api (see README.md).");
  }

  /** Spring's own request errors (405, 400, …) keep their status and detail. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> any(Exception e) {
    if (e instanceof ErrorResponse response) {
      HttpStatusCode status = response.getStatusCode();
      String detail = response.getBody().getDetail();
      return error(
          status,
          codeOf(status),
          detail == null ? "The request failed with status " + status.value() + "." : detail);
    }
    if (ClientWatch.isClientAbort(e)) {
      log.debug("A client went away: {}", e.toString());
      return null;
    }
    log.error("Request failed", e);
    return error(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "The server failed to handle the request; the server log has the details.");
  }

  private static String codeOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "HTTP_" + status.value() : known.name();
  }

  private static ResponseEntity<ApiError> error(
      HttpStatusCode status, String code, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(code, message));
  }
}
