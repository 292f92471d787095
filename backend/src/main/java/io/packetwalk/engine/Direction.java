package io.packetwalk.engine;

/** Which way a captured frame crossed a device, as {@code tcpdump -i any} prints it. */
public enum Direction {
  /** Received by the device ("In"). */
  IN,
  /** Transmitted by the device ("Out"). */
  OUT
}
