package io.packetwalk.kernel;

/**
 * A simulated kernel operation refused: the errno, and the extended-ack text the kernel attaches to
 * some refusals (iproute2 prints {@code Error: <extack>} when present, otherwise {@code RTNETLINK
 * answers: <strerror>}).
 */
public final class KernelException extends RuntimeException {

  private final Errno errno;
  private final String extack;

  public KernelException(Errno errno) {
    this(errno, null);
  }

  public KernelException(Errno errno, String extack) {
    super(extack != null ? extack : errno.message());
    this.errno = errno;
    this.extack = extack;
  }

  public Errno errno() {
    return errno;
  }

  /**
   * The kernel's extended-ack message (e.g. "Nexthop has invalid gateway", without the full stop
   * iproute2 adds), or null.
   */
  public String extack() {
    return extack;
  }
}
