package io.packetwalk.system;

/** Every simulation slot is taken and the waiting line is full or waited too long. */
public final class ServerBusyException extends RuntimeException {

  public ServerBusyException(String message) {
    super(message);
  }
}
