package io.packetwalk.stream.protocol;

import io.packetwalk.stream.protocol.Protocol.ErrorReason;

/** A client message broke the protocol; {@link #error()} is the answer to send back. */
public final class ProtocolException extends RuntimeException {

  private final Protocol.Error error;

  public ProtocolException(String requestId, ErrorReason reason, String message) {
    super(message);
    this.error = new Protocol.Error(requestId, reason, message);
  }

  public Protocol.Error error() {
    return error;
  }
}
