package io.packetwalk.kernel;

/** The kernel error numbers the simulated operations can fail with, with strerror's words. */
public enum Errno {
  EPERM(1, "Operation not permitted"),
  ENOENT(2, "No such file or directory"),
  ESRCH(3, "No such process"),
  EINTR(4, "Interrupted system call"),
  EBUSY(16, "Device or resource busy"),
  EEXIST(17, "File exists"),
  ENODEV(19, "No such device"),
  EINVAL(22, "Invalid argument"),
  ERANGE(34, "Numerical result out of range"),
  ELOOP(40, "Too many levels of symbolic links"),
  EPROTONOSUPPORT(93, "Protocol not supported"),
  EOPNOTSUPP(95, "Operation not supported"),
  EADDRINUSE(98, "Address already in use"),
  EADDRNOTAVAIL(99, "Cannot assign requested address"),
  ENETDOWN(100, "Network is down"),
  ENETUNREACH(101, "Network is unreachable"),
  EHOSTUNREACH(113, "No route to host"),
  EACCES(13, "Permission denied"),
  EMSGSIZE(90, "Message too long"),
  EBADFD(77, "File descriptor in bad state"),
  ETIMEDOUT(110, "Connection timed out"),
  ECONNREFUSED(111, "Connection refused");

  private final int number;
  private final String message;

  Errno(int number, String message) {
    this.number = number;
    this.message = message;
  }

  public int number() {
    return number;
  }

  /** The text strerror(3) gives, e.g. "File exists". */
  public String message() {
    return message;
  }
}
