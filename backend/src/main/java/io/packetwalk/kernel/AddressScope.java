package io.packetwalk.kernel;

/** Address and route scopes, with the numbers and words iproute2 uses. */
public enum AddressScope {
  /** Valid everywhere (0). */
  GLOBAL(0, "global"),
  /** Valid only on this link (253). */
  LINK(253, "link"),
  /** Valid only inside this host (254). */
  HOST(254, "host"),
  /** Not a real place (255). */
  NOWHERE(255, "nowhere");

  private final int number;
  private final String word;

  AddressScope(int number, String word) {
    this.number = number;
    this.word = word;
  }

  public int number() {
    return number;
  }

  public String word() {
    return word;
  }
}
