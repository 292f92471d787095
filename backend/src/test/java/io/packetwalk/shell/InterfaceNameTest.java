package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import org.junit.jupiter.api.Test;

/**
 * Interface names are limited in UTF-8 bytes (IFNAMSIZ), not characters, and refused as iproute2
 * 6.1 and the kernel refuse them; the expected texts were taken from real commands in a namespace.
 */
class InterfaceNameTest {

  private static final String SEVEN_E_ACUTE = "ééééééé";

  private final ShellSession session = new ShellSession(World.withOneHost());
  private final NetNamespace root = session.world().defaultHost().root();

  private CommandOutcome run(String line) {
    return session.execute(root, line, 1);
  }

  private void expect(String line, int exit, String stderr) {
    CommandOutcome outcome = run(line);
    assertThat(outcome.stderr()).as(line).isEqualTo(stderr);
    assertThat(outcome.exit()).as(line).isEqualTo(exit);
  }

  @Test
  void fifteenBytesFitEvenWhenTheyAreFewerCharacters() {
    expect("ip link add " + SEVEN_E_ACUTE + "a type veth peer name p0", 0, "");
    assertThat(root.device(SEVEN_E_ACUTE + "a")).isPresent();
  }

  @Test
  void sixteenBytesFailTheKernelsNamePolicyWhenCreating() {
    String policy = "Error: Attribute failed policy validation.\n";
    expect("ip link add " + SEVEN_E_ACUTE + "é type veth peer name p0", 2, policy);
    expect("ip link add abcdefghijklmnop type veth peer name p0", 2, policy);
    expect(
        "ip link add name " + SEVEN_E_ACUTE + "é type veth peer name p0",
        255,
        "Error: argument \"" + SEVEN_E_ACUTE + "é\" is wrong: \"name\" not a valid ifname\n");
  }

  @Test
  void theKernelRefusesColonsDotsAndItsOwnBlanksWithEinval() {
    String einval = "RTNETLINK answers: Invalid argument\n";
    for (String name : new String[] {"a:b", ".", "..", "a\u00a0b", "à", "é:"}) {
      expect("ip link add '" + name + "' type veth peer name p0", 2, einval);
    }
  }

  @Test
  void iprouteRefusesSlashesAndBlanksBeforeAskingTheKernel() {
    expect(
        "ip link add 'a b' type veth peer name p0",
        255,
        "Error: argument \"a b\" is wrong: \"dev\" not a valid ifname\n");
    expect(
        "ip link add a/b type veth peer name p0",
        255,
        "Error: argument \"a/b\" is wrong: \"dev\" not a valid ifname\n");
  }

  @Test
  void renamingChecksTheSameRules() {
    run("ip link add d0 type veth peer name p0");
    expect(
        "ip link set d0 name " + SEVEN_E_ACUTE + "é",
        255,
        "Error: argument \"" + SEVEN_E_ACUTE + "é\" is wrong: \"name\" not a valid ifname\n");
    expect("ip link set d0 name a:b", 2, "RTNETLINK answers: Invalid argument\n");
    expect("ip link set d0 name à", 2, "RTNETLINK answers: Invalid argument\n");
    expect(
        "ip link set d0 name 'a b'",
        255,
        "Error: argument \"a b\" is wrong: \"name\" not a valid ifname\n");
    expect("ip link set d0 name " + SEVEN_E_ACUTE + "a", 0, "");
  }

  @Test
  void brctlCutsLongNamesToFifteenBytesAndTheKernelRefusesBadOnes() {
    expect("brctl addbr abcdefghijklmnop", 0, "");
    assertThat(root.device("abcdefghijklmno")).isPresent();
    expect("brctl addbr " + SEVEN_E_ACUTE + "é", 0, "");
    assertThat(root.device(SEVEN_E_ACUTE)).isPresent();
    expect("brctl addbr a:b", 1, "add bridge failed: Invalid argument\n");
    expect("brctl addbr ..", 1, "add bridge failed: Invalid argument\n");
  }
}
