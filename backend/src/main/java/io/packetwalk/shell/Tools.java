package io.packetwalk.shell;

import java.util.Map;
import java.util.TreeMap;

/** The programs the shell knows, by the name typed to run them. New programs register here. */
final class Tools {

  private Tools() {}

  static Map<String, Tool> all() {
    Map<String, Tool> tools = new TreeMap<>();
    tools.put("ip", new io.packetwalk.shell.ip.IpCommand());
    tools.put("bridge", new io.packetwalk.shell.ip.BridgeCommand());
    tools.put("brctl", new io.packetwalk.shell.tools.BrctlCommand());
    tools.put("sysctl", new io.packetwalk.shell.tools.SysctlCommand());
    tools.put("route", new io.packetwalk.shell.tools.RouteCommand());
    tools.put("arp", new io.packetwalk.shell.tools.ArpCommand());
    tools.put("sleep", new SleepCommand());
    tools.put("kill", new KillCommand());
    tools.put("cat", new CatCommand());
    tools.put("grep", new GrepCommand());
    tools.put("iptables", new io.packetwalk.shell.netfilter.IptablesCommand());
    tools.put("iptables-save", new io.packetwalk.shell.netfilter.IptablesSaveCommand());
    tools.put("iptables-restore", new io.packetwalk.shell.netfilter.IptablesRestoreCommand());
    tools.put("conntrack", new io.packetwalk.shell.netfilter.ConntrackCommand());
    tools.put("ipset", new io.packetwalk.shell.netfilter.IpsetCommand());
    tools.put("dmesg", new io.packetwalk.shell.netfilter.DmesgCommand());
    tools.put("ping", new io.packetwalk.shell.traffic.PingCommand());
    tools.put("nc", new io.packetwalk.shell.traffic.NcCommand());
    tools.put("netcat", new io.packetwalk.shell.traffic.NcCommand());
    tools.put("tcpdump", new io.packetwalk.shell.traffic.TcpdumpCommand());
    tools.put("pw", new io.packetwalk.shell.hosts.PwCommand());
    tools.put("flanneld", new io.packetwalk.shell.tools.FlanneldCommand());
    return tools;
  }
}
