package io.packetwalk.lab;

/**
 * A lab record refused a value: {@code field} is the JSON field at fault (relative to the record,
 * possibly empty for the record as a whole), so that readers can report the full path.
 */
public final class LabValueException extends IllegalArgumentException {

  private final String field;
  private final String reason;

  public LabValueException(String field, String reason) {
    super(field.isEmpty() ? reason : field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The field at fault, relative to the record being built ({@code ""} for the whole record). */
  public String field() {
    return field;
  }

  /** The message without the field name. */
  public String reason() {
    return reason;
  }
}
