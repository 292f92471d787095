package io.packetwalk.engine;

/** Path-MTU discovery mode of a ping socket ({@code ping -M do|want|dont}). */
public enum PmtuMode {
  /** Default: set DF when the packet fits the path MTU, fragment locally when it does not. */
  WANT,
  /** Always set DF; a packet bigger than the path MTU fails locally ("message too long"). */
  DO,
  /** Never set DF; fragment whenever needed. */
  DONT
}
