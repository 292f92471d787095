package io.packetwalk.lab;

/**
 * Something wrong with a lab document or script: where ({@code path}, from the top of the document,
 * e.g. {@code hosts[0].namespaces[1].devices[2].master}, or {@code $} for the document as a whole;
 * {@code line N} for a script line) and what, in words a learner can act on.
 */
public record LabProblem(String path, String message) {

  public LabProblem {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("a problem needs a path");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a problem needs a message");
    }
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
