/** Owns the canvas's colours, fonts and sizes, and which colour a packet marker takes. */
import type { PacketFamily } from "../model/trace";

export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const MONO_FAMILY = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace';

export const COLOURS = {
  hostStroke: "#cbd5e1",
  hostLabel: "#64748b",
  boxFill: "#f8fafc",
  boxStroke: "#94a3b8",
  tabFill: "#e2e8f0",
  tabText: "#1e293b",
  portFill: "#ffffff",
  portStroke: "#64748b",
  portDownStroke: "#cbd5e1",
  portText: "#0f172a",
  portMuted: "#64748b",
  bridgeFill: "#ecfeff",
  bridgeStroke: "#0e7490",
  vethWire: "#475569",
  bridgeWire: "#0e7490",
  underlayCable: "#9a3412",
  switchFill: "#fff7ed",
  switchStroke: "#9a3412",
  switchLabel: "#7c2d12",
  highlight: "#2563eb",
  highlightFill: "rgba(37, 99, 235, 0.06)",
  drop: "#dc2626",
  markerStroke: "#ffffff",
  /** VXLAN tunnels between VTEPs, and the ring of a packet inside one. */
  tunnel: "#7c3aed",
  tunnelFill: "rgba(124, 58, 237, 0.18)",
} as const;

export const MARKER_RADIUS = 10;

/** Marker colours by what the packet carries: ARP amber, ICMP green, anything else violet. */
export const MARKER_COLOURS: Readonly<Record<PacketFamily, string>> = {
  arp: "#d97706",
  icmp: "#059669",
  other: "#7c3aed",
};

/** The letter inside the marker, so the colour is not the only clue. */
export const MARKER_LETTERS: Readonly<Record<PacketFamily, string>> = {
  arp: "A",
  icmp: "I",
  other: "•",
};
