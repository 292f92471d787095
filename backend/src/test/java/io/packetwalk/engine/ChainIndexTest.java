package io.packetwalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Skb;
import io.packetwalk.kernel.World;
import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.Evaluation;
import io.packetwalk.kernel.netfilter.Hook;
import io.packetwalk.kernel.netfilter.IpMatch;
import io.packetwalk.kernel.netfilter.Match;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.kernel.netfilter.Target;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.packet.IpPayload;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.TcpSegment;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The walk that skips rules through the chain's classification index ends exactly where the
 * kernel's linear walk ends: same deciding rule, same counters, same random draws, same folded
 * steps. Each case builds the same random table twice, walks one copy rule by rule and the other
 * with the index on every chain, and compares after every packet, with chain edits in between.
 */
class ChainIndexTest {

  private static final String[] USER_CHAINS = {"A", "B", "C"};

  /** Destinations the rules and the packets share, so that rules often match. */
  private static final String[] ADDRESSES = {
    "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.1.7", "172.30.0.1", "172.30.0.2", "0.0.0.0"
  };

  @Property(tries = 300)
  void theIndexedWalkDecidesAsTheLinearWalk(@ForAll long seed) {
    Side linear = new Side(seed, Integer.MAX_VALUE);
    Side indexed = new Side(seed, 0);
    Random packets = new Random(seed ^ 0x5DEECE66DL);
    for (int p = 0; p < 40; p++) {
      if (packets.nextInt(5) == 0) {
        long edit = packets.nextLong();
        linear.edit(edit);
        indexed.edit(edit);
      }
      Ipv4Packet packet = packet(packets);
      String a = linear.walk(packet);
      String b = indexed.walk(packet);
      assertThat(b).as("packet %d to %s", p, packet.dst()).isEqualTo(a);
      assertThat(indexed.counters()).isEqualTo(linear.counters());
    }
  }

  @Test
  void aServiceRuleIsFoundAmongTenThousandAndTheFoldedStepCountsAllSkippedRules() {
    Side side = new Side(0, 0);
    Chain output = side.table.builtin(Hook.OUTPUT);
    output.flush();
    for (int i = 0; i < 10_000; i++) {
      output.append(
          new Rule(
              dst(Ipv4Address.of(172, 30, i / 250, i % 250 + 1), false),
              List.of(),
              new Target.Drop()));
    }
    Ipv4Packet packet =
        new Ipv4Packet(
            Ipv4Address.parse("10.0.0.9"),
            Ipv4Address.of(172, 30, 20, 1),
            64,
            1,
            true,
            new UdpDatagram(5000, 53, 0));
    String walk = side.walk(packet);
    assertThat(walk)
        .contains("NF_RULES_SKIPPED 5000 rules of OUTPUT (1–5000) do not match.")
        .contains("… and 4975 more")
        .contains("Rule 5001 of OUTPUT matches: DROP.")
        .contains("=> DROP OUTPUT #5001");
    assertThat(output.rule(5000).counters().packets()).isEqualTo(1);
  }

  private static IpMatch dst(Ipv4Address address, boolean inverted) {
    return new IpMatch(
        null, false, new Ipv4Prefix(address, 32), inverted, null, false, null, false, 0, false);
  }

  private static Ipv4Packet packet(Random random) {
    Ipv4Address dst = Ipv4Address.parse(ADDRESSES[random.nextInt(ADDRESSES.length)]);
    if (random.nextInt(8) == 0) {
      dst = Ipv4Address.of(192, 168, 9, random.nextInt(4));
    }
    IpPayload payload =
        random.nextBoolean()
            ? new TcpSegment(
                40000 + random.nextInt(4),
                80 + random.nextInt(2),
                Set.of(TcpSegment.Flag.SYN),
                1,
                0,
                0,
                TcpSegment.SYN_OPTIONS)
            : new UdpDatagram(40000, 53 + random.nextInt(2), random.nextInt(100));
    return new Ipv4Packet(Ipv4Address.parse("10.0.0.9"), dst, 64, 1, true, payload);
  }

  /** One copy of the random table, its world and a walker that indexes chains of some length. */
  private static final class Side {

    final World world = World.withOneHost();
    final NetNamespace ns = world.defaultHost().root();
    final Engine engine = new Engine(world);
    final ChainWalker walker;
    final Table table = new Table(TableKind.FILTER);
    final Random rules;

    Side(long seed, int indexedFrom) {
      walker = new ChainWalker(engine, indexedFrom);
      rules = new Random(seed);
      Chain output = table.builtin(Hook.OUTPUT);
      output.setPolicy(rules.nextBoolean());
      for (String name : USER_CHAINS) {
        table.addUserChain(name);
      }
      fill(output, 0);
      for (int c = 0; c < USER_CHAINS.length; c++) {
        fill(table.chain(USER_CHAINS[c]).orElseThrow(), c + 1);
      }
    }

    private void fill(Chain chain, int level) {
      int size = rules.nextInt(4) == 0 ? rules.nextInt(4) : rules.nextInt(60);
      for (int i = 0; i < size; i++) {
        chain.append(rule(level));
      }
    }

    /** A random rule of a chain at {@code level}: it may only jump to deeper chains. */
    private Rule rule(int level) {
      Ipv4Prefix dst = null;
      boolean dstInverted = false;
      int shape = rules.nextInt(10);
      if (shape < 6) {
        dst = new Ipv4Prefix(Ipv4Address.parse(ADDRESSES[rules.nextInt(ADDRESSES.length)]), 32);
        dstInverted = rules.nextInt(8) == 0;
      } else if (shape < 8) {
        dst = new Ipv4Prefix(Ipv4Address.parse("10.0.0.0"), 16 + rules.nextInt(17));
        dstInverted = rules.nextInt(4) == 0;
      }
      Ipv4Prefix src =
          rules.nextInt(10) == 0 ? new Ipv4Prefix(Ipv4Address.parse("10.0.0.9"), 32) : null;
      int protocol =
          switch (rules.nextInt(4)) {
            case 0 -> 6;
            case 1 -> 17;
            default -> 0;
          };
      boolean protocolInverted = protocol != 0 && rules.nextInt(6) == 0;
      IpMatch ip =
          new IpMatch(
              src, false, dst, dstInverted, null, false, null, false, protocol, protocolInverted);
      List<Match> matches = new ArrayList<>();
      if (rules.nextInt(4) == 0) {
        matches.add(Match.Statistic.random(0.5, false));
      }
      if (rules.nextInt(8) == 0) {
        matches.add(Match.Statistic.nth(3, 0, rules.nextBoolean()));
      }
      if (protocol == 6 && !protocolInverted && rules.nextInt(2) == 0) {
        matches.add(
            new Match.Tcp(
                null,
                false,
                new Match.PortRange(80, 80),
                rules.nextInt(5) == 0,
                null,
                null,
                false));
      }
      return new Rule(ip, matches, target(level));
    }

    private Target target(int level) {
      int pick = rules.nextInt(12);
      if (pick < 4 && level < USER_CHAINS.length) {
        String to = USER_CHAINS[level + rules.nextInt(USER_CHAINS.length - level)];
        return pick < 3 ? new Target.Jump(to) : new Target.Goto(to);
      }
      return switch (pick) {
        case 4, 5 -> new Target.Return();
        case 6 -> new Target.Accept();
        case 7 -> new Target.Drop();
        case 8 -> new Target.Mark(pick, 0xff);
        default -> new Target.None();
      };
    }

    /** The same edit on both sides: an insertion, a deletion, a replacement or a flush. */
    void edit(long seed) {
      Random pick = new Random(seed);
      int c = pick.nextInt(USER_CHAINS.length + 1);
      Chain chain = c == 0 ? table.builtin(Hook.OUTPUT) : table.chain(USER_CHAINS[c - 1]).get();
      rules.setSeed(pick.nextLong());
      switch (pick.nextInt(4)) {
        case 0 -> chain.insert(pick.nextInt(chain.size() + 1), rule(c));
        case 1 -> {
          if (chain.size() > 0) {
            chain.remove(pick.nextInt(chain.size()));
          }
        }
        case 2 -> {
          if (chain.size() > 0) {
            chain.replace(pick.nextInt(chain.size()), rule(c));
          }
        }
        default -> {
          if (pick.nextInt(4) == 0) {
            chain.flush();
          } else {
            chain.append(rule(c));
          }
        }
      }
    }

    /** Walks {@code packet} through OUTPUT; the outcome and the trace as text. */
    String walk(Ipv4Packet packet) {
      engine.beginRun();
      Evaluation e =
          new Evaluation(
              Skb.local(packet),
              Hook.OUTPUT,
              (a, dev) -> "UNICAST",
              ns.netfilter().ipsets(),
              world.random(),
              engine.now());
      ChainWalker.Outcome outcome = walker.walk(ns, table, Hook.OUTPUT, e, null);
      Trace trace = engine.finishRun();
      StringBuilder text = new StringBuilder();
      for (Step step : trace.steps()) {
        text.append(step.kind())
            .append(' ')
            .append(step.sentence())
            .append(' ')
            .append(step.details())
            .append(' ')
            .append(step.changes())
            .append('\n');
      }
      text.append("=> ")
          .append(outcome.verdict().name())
          .append(' ')
          .append(outcome.chain().name())
          .append(" #")
          .append(outcome.number())
          .append(" mark ")
          .append(e.skb().mark());
      return text.toString();
    }

    /** Every counter of the table, in chain order. */
    List<String> counters() {
      List<String> all = new ArrayList<>();
      for (Chain chain : table.chains()) {
        all.add(chain.name() + " policy " + chain.policyCounters());
        for (Rule rule : chain.rules()) {
          all.add(chain.name() + " " + rule.spec() + " " + rule.counters());
        }
      }
      return all;
    }
  }
}
