package io.packetwalk.lab;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Device names in lab documents follow the kernel: 15 UTF-8 bytes, no NUL, '/', ':' or blank. */
class NamesTest {

  @Test
  void acceptsFifteenBytesOfUtf8() {
    assertThatCode(() -> Names.checkDevice("name", "éééééééa")).doesNotThrowAnyException();
    assertThatCode(() -> Names.checkDevice("name", "abcdefghijklmno")).doesNotThrowAnyException();
  }

  @Test
  void refusesANameOfSixteenBytesThoughOnlyEightCharacters() {
    assertThatThrownBy(() -> Names.checkDevice("name", "éééééééé"))
        .isInstanceOf(LabValueException.class)
        .hasMessage(
            "name: device name \"éééééééé\" is 16 bytes long in UTF-8; the kernel allows 15"
                + " (IFNAMSIZ is 16 bytes with the final NUL)");
  }

  @Test
  void refusesANulByteAndShowsItReadably() {
    assertThatThrownBy(() -> Names.checkDevice("dev", "eth\u00000"))
        .isInstanceOf(LabValueException.class)
        .hasMessage(
            "dev: device name \"eth\\00\" is not allowed (no NUL or other control character,"
                + " \"/\", \":\", blanks, \".\" or \"..\")");
  }

  @Test
  void refusesWhatTheKernelsDevValidNameRefuses() {
    for (String name : new String[] {"a:b", "a/b", "a b", ".", "..", "à", "a\u00a0b"}) {
      assertThatThrownBy(() -> Names.checkDevice("name", name))
          .as(name)
          .isInstanceOf(LabValueException.class)
          .hasMessageContaining("is not allowed");
    }
  }
}
