package io.packetwalk.share;

import org.springframework.http.HttpStatus;

/** A refused request about a saved lab: its status, a stable code and a sentence to act on. */
final class ShareException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  ShareException(HttpStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  HttpStatus status() {
    return status;
  }

  String code() {
    return code;
  }

  static ShareException labNotFound(String labId) {
    return new ShareException(
        HttpStatus.NOT_FOUND,
        "LAB_NOT_FOUND",
        "There is no saved lab \"" + labId + "\"; check the link.");
  }

  static ShareException secretMissing() {
    return new ShareException(
        HttpStatus.UNAUTHORIZED,
        "SECRET_MISSING",
        "This request needs a link secret of the lab in the "
            + SharedLabController.SECRET_HEADER
            + " header (the last part of a view or edit link).");
  }

  static ShareException secretWrong() {
    return new ShareException(
        HttpStatus.FORBIDDEN,
        "SECRET_WRONG",
        "The secret is not a link of this lab; use the view or edit link you were given.");
  }

  static ShareException revoked() {
    return new ShareException(
        HttpStatus.GONE,
        "LINK_REVOKED",
        "This link was revoked by the lab's owner and opens nothing any more; ask them for a new"
            + " link.");
  }

  static ShareException viewOnly() {
    return new ShareException(
        HttpStatus.FORBIDDEN,
        "VIEW_ONLY",
        "This is a view link: it opens and forks the lab but cannot change it; changes need the"
            + " edit link.");
  }

  static ShareException versionNotFound(String labId, int number, int latest) {
    return new ShareException(
        HttpStatus.NOT_FOUND,
        "VERSION_NOT_FOUND",
        "Lab \""
            + labId
            + "\" has versions 1 to "
            + latest
            + "; there is no version "
            + number
            + ".");
  }

  static ShareException previewNotFound(String labId) {
    return new ShareException(
        HttpStatus.NOT_FOUND,
        "PREVIEW_NOT_FOUND",
        "No link of lab \"" + labId + "\" has this preview token.");
  }
}
