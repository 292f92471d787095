package io.packetwalk.lab;

/** Where the canvas draws one namespace: canvas coordinates of its box's centre. */
public record LabPosition(String host, String netns, double x, double y) {

  public LabPosition {
    Names.checkHost("host", host);
    Names.checkNetns("netns", netns);
    if (!Double.isFinite(x)) {
      throw new LabValueException("x", "must be a finite number");
    }
    if (!Double.isFinite(y)) {
      throw new LabValueException("y", "must be a finite number");
    }
  }
}
