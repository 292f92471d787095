package io.packetwalk.lab;

import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.shell.CommandOutcome;
import io.packetwalk.shell.ShellSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a lab document becomes a world. It validates the document, writes each host's
 * {@link LabScript}, runs the script in the simulator's shell (as the host's root), and reads the
 * world back to check that it is the document again. Nothing is built from a document with
 * problems; every problem names the document path it concerns.
 */
public final class LabBuilder {

  /** A built world, or the problems that stopped the build (then {@code world} is null). */
  public record Result(World world, List<LabProblem> problems) {

    public Result {
      problems = List.copyOf(problems);
      if ((world == null) == problems.isEmpty()) {
        throw new IllegalArgumentException("a build gives a world or problems, not both");
      }
    }

    public boolean built() {
      return world != null;
    }
  }

  private LabBuilder() {}

  /** Every problem that would stop {@link #build}, without running anything. */
  public static List<LabProblem> check(LabDocument document) {
    List<LabProblem> problems = new ArrayList<>(LabValidator.validate(document));
    if (problems.isEmpty()) {
      for (int h = 0; h < document.hosts().size(); h++) {
        problems.addAll(LabScript.of(document, h).problems());
      }
    }
    return List.copyOf(problems);
  }

  public static Result build(LabDocument document) {
    List<LabProblem> problems = check(document);
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    World world = new World(World.DEFAULT_SEED);
    Map<String, UnderlaySwitch> switches = new HashMap<>();
    document.underlay().forEach(name -> switches.put(name, world.addSwitch(name)));
    for (LabHost host : document.hosts()) {
      Host made = world.addHost(host.name());
      made.setBridgeVlanFiltering(host.bridgeVlanFiltering());
      NetNamespace root = made.root();
      for (LabDevice dev : host.namespaces().get(0).devices()) {
        if (dev.kind() == LabDeviceKind.PHYSICAL) {
          root.addPhysical(dev.name(), dev.mac());
          if (dev.underlay() != null) {
            switches.get(dev.underlay()).plug(root.requireDevice(dev.name()));
          }
        }
      }
    }
    ShellSession shell = new ShellSession(world);
    for (int h = 0; h < document.hosts().size(); h++) {
      NetNamespace root = world.hosts().get(h).root();
      for (LabScript.Line line : LabScript.of(document, h).commands()) {
        CommandOutcome outcome = shell.execute(root, line.command(), line.number());
        if (outcome.exit() != 0) {
          return new Result(null, List.of(failed(document.hosts().get(h), line, outcome)));
        }
      }
    }
    problems = LabDiff.between(document, WorldSnapshot.refresh(document, world));
    return problems.isEmpty() ? new Result(world, List.of()) : new Result(null, problems);
  }

  private static LabProblem failed(LabHost host, LabScript.Line line, CommandOutcome outcome) {
    String said = outcome.stderr().strip();
    return new LabProblem(
        line.path(),
        "building host \""
            + host.name()
            + "\" stopped at script line "
            + line.number()
            + ": `"
            + line.command()
            + "` exited with status "
            + outcome.exit()
            + (said.isEmpty() ? "" : " (" + said.replace('\n', ' ') + ")"));
  }
}
