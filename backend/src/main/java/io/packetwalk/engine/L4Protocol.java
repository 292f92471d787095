package io.packetwalk.engine;

/** The transport protocols {@code nc} speaks. */
public enum L4Protocol {
  /** TCP (IP protocol 6): a connection needs the three-way handshake. */
  TCP,
  /** UDP (IP protocol 17): datagrams, no handshake. */
  UDP
}
