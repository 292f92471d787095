package io.packetwalk.share;

import io.packetwalk.lab.LabDevice;
import io.packetwalk.lab.LabDeviceKind;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabHost;
import io.packetwalk.lab.LabNamespace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a lab's topology as a PNG for link previews, with Java2D (headless): the title, one frame
 * per host holding its namespaces' boxes (with their bridges as pills), a line per veth between the
 * boxes of its two ends named at each end, and the underlay switches the hosts' NICs plug into.
 */
final class TopologyPicture {

  static final int WIDTH = 1200;
  static final int HEIGHT = 630;

  private static final Color BACKGROUND = new Color(0xF5, 0xF7, 0xFA);
  private static final Color INK = new Color(0x1F, 0x29, 0x37);
  private static final Color MUTED = new Color(0x5B, 0x67, 0x78);
  private static final Color HOST = new Color(0xE3, 0xE9, 0xF2);
  private static final Color HOST_EDGE = new Color(0xB4, 0xC0, 0xD3);
  private static final Color NAMESPACE_EDGE = new Color(0x3B, 0x6E, 0xC4);
  private static final Color BRIDGE = new Color(0xF2, 0x9D, 0x38);
  private static final Color TAG = new Color(0xE6, 0xEC, 0xF5);
  private static final Color LINK = new Color(0x47, 0x55, 0x69);
  private static final Color UNDERLAY = new Color(0x2F, 0x85, 0x5A);
  private static final String FONT = Font.SANS_SERIF;

  private static final int MARGIN = 28;
  private static final int TITLE_BAND = 78;
  private static final int SWITCH_HEIGHT = 34;

  /** The room kept at the bottom of a namespace box for the names of the links leaving it. */
  private static final int TAG_ROW = 24;

  /** A device name to write where its line leaves its namespace's box, once the boxes are drawn. */
  private record Tag(String name, Point2D at, Point2D towards) {}

  private TopologyPicture() {}

  /** The PNG bytes of {@code lab}'s picture, {@value #WIDTH}×{@value #HEIGHT}. */
  static byte[] png(LabDocument lab) {
    BufferedImage image = draw(lab);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG into memory failed", e);
    }
    return out.toByteArray();
  }

  static BufferedImage draw(LabDocument lab) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      title(g, lab);
      boolean underlay = !lab.underlay().isEmpty();
      double switches = underlay ? SWITCH_HEIGHT + 30 : 0;
      Rectangle2D area =
          new Rectangle2D.Double(
              MARGIN,
              TITLE_BAND + switches,
              WIDTH - 2.0 * MARGIN,
              HEIGHT - TITLE_BAND - MARGIN - switches);
      Map<String, Rectangle2D> boxes = new LinkedHashMap<>();
      hosts(g, lab.hosts(), area, boxes);
      List<Tag> tags = new ArrayList<>();
      if (underlay) {
        underlay(g, lab, boxes, TITLE_BAND, tags);
      }
      veths(g, lab, boxes, tags);
      for (LabHost host : lab.hosts()) {
        for (LabNamespace ns : host.namespaces()) {
          namespace(g, ns, boxes.get(key(host.name(), ns.name())));
        }
      }
      g.setFont(new Font(FONT, Font.PLAIN, 14));
      tags.forEach(tag -> label(g, tag));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void title(Graphics2D g, LabDocument lab) {
    g.setColor(INK);
    g.setFont(new Font(FONT, Font.BOLD, 34));
    g.drawString(fit(g, lab.name(), WIDTH - 2 * MARGIN - 190), MARGIN, 50);
    g.setColor(MUTED);
    g.setFont(new Font(FONT, Font.PLAIN, 20));
    FontMetrics metrics = g.getFontMetrics();
    String brand = "Packetwalk";
    g.drawString(brand, WIDTH - MARGIN - metrics.stringWidth(brand), 48);
  }

  /** Draws the host frames in a grid over {@code area} and places their namespaces' boxes. */
  private static void hosts(
      Graphics2D g, List<LabHost> hosts, Rectangle2D area, Map<String, Rectangle2D> boxes) {
    int count = hosts.size();
    int columns = bestColumns(count, area.getWidth(), area.getHeight(), 1.4);
    int rows = (count + columns - 1) / columns;
    double gap = 18;
    double width = (area.getWidth() - gap * (columns - 1)) / columns;
    double height = (area.getHeight() - gap * (rows - 1)) / rows;
    for (int i = 0; i < count; i++) {
      LabHost host = hosts.get(i);
      Rectangle2D frame =
          new Rectangle2D.Double(
              area.getX() + (i % columns) * (width + gap),
              area.getY() + (i / columns) * (height + gap),
              width,
              height);
      g.setColor(HOST);
      g.fill(round(frame, 18));
      g.setColor(HOST_EDGE);
      g.setStroke(new BasicStroke(2f));
      g.draw(round(frame, 18));
      int label = labelSize(height);
      g.setColor(MUTED);
      g.setFont(new Font(FONT, Font.BOLD, label));
      g.drawString(
          fit(g, "host " + host.name(), width - 24),
          (float) frame.getX() + 12,
          (float) frame.getY() + label + 6);
      Rectangle2D inside =
          new Rectangle2D.Double(
              frame.getX() + 12, frame.getY() + label + 16, width - 24, height - label - 28);
      namespaceBoxes(host, inside, boxes);
    }
  }

  /**
   * Places a host's namespaces: the root namespace across the top, the others in a grid below it,
   * so that the veths from the root namespace to each of them do not cross another box.
   */
  private static void namespaceBoxes(
      LabHost host, Rectangle2D area, Map<String, Rectangle2D> boxes) {
    List<LabNamespace> others = host.namespaces().stream().filter(ns -> !ns.isRoot()).toList();
    boolean hasRoot = others.size() < host.namespaces().size();
    double gap = 40;
    double rootHeight = others.isEmpty() ? area.getHeight() : Math.min(170, area.getHeight() * 0.4);
    if (hasRoot) {
      boxes.put(
          key(host.name(), ""),
          new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), rootHeight));
    }
    if (others.isEmpty()) {
      return;
    }
    double top = hasRoot ? area.getY() + rootHeight + gap : area.getY();
    double height = area.getMaxY() - top;
    int columns = bestColumns(others.size(), area.getWidth(), height, 1.6);
    int rows = (others.size() + columns - 1) / columns;
    double across = Math.min(gap, area.getWidth() / (columns * 6.0));
    double width = (area.getWidth() - across * (columns - 1)) / columns;
    double boxHeight = Math.min((height - gap * (rows - 1)) / rows, 190);
    for (int i = 0; i < others.size(); i++) {
      boxes.put(
          key(host.name(), others.get(i).name()),
          new Rectangle2D.Double(
              area.getX() + (i % columns) * (width + across),
              top + (i / columns) * (boxHeight + gap),
              width,
              boxHeight));
    }
  }

  /** The number of columns that gives {@code count} cells closest to {@code aspect} and largest. */
  private static int bestColumns(int count, double width, double height, double aspect) {
    int best = 1;
    double bestSize = -1;
    for (int columns = 1; columns <= count; columns++) {
      int rows = (count + columns - 1) / columns;
      double size = Math.min(width / columns / aspect, height / rows);
      if (size > bestSize) {
        bestSize = size;
        best = columns;
      }
    }
    return best;
  }

  private static void namespace(Graphics2D g, LabNamespace ns, Rectangle2D area) {
    g.setColor(Color.WHITE);
    g.fill(round(area, 12));
    g.setColor(NAMESPACE_EDGE);
    g.setStroke(new BasicStroke(2.5f));
    g.draw(round(area, 12));
    int size = labelSize(area.getHeight());
    double x = area.getX() + 10;
    double y = area.getY() + size + 6;
    g.setColor(INK);
    g.setFont(new Font(FONT, Font.BOLD, size));
    g.drawString(
        fit(g, ns.isRoot() ? "root namespace" : ns.name(), area.getWidth() - 20),
        (float) x,
        (float) y);
    g.setFont(new Font(FONT, Font.PLAIN, Math.max(11, size - 3)));
    FontMetrics metrics = g.getFontMetrics();
    double lineHeight = metrics.getHeight() + 4;
    for (LabDevice bridge : devicesOf(ns, LabDeviceKind.BRIDGE)) {
      y += lineHeight;
      if (y > area.getMaxY() - 4) {
        return;
      }
      String name = fit(g, bridge.name(), area.getWidth() - 40);
      double pill = metrics.stringWidth(name) + 16;
      g.setColor(BRIDGE);
      g.fill(
          new RoundRectangle2D.Double(
              x, y - metrics.getAscent() - 2, pill, metrics.getHeight() + 2, 12, 12));
      g.setColor(INK);
      g.drawString(name, (float) x + 8, (float) y);
    }
    g.setColor(MUTED);
    for (LabDevice device : ns.devices()) {
      if (device.addresses().isEmpty() || device.kind() == LabDeviceKind.LOOPBACK) {
        continue;
      }
      y += lineHeight;
      if (y > area.getMaxY() - TAG_ROW) {
        return;
      }
      String text = device.name() + " " + device.addresses().getFirst().prefix();
      g.drawString(fit(g, text, area.getWidth() - 20), (float) x, (float) y);
    }
  }

  private static void veths(
      Graphics2D g, LabDocument lab, Map<String, Rectangle2D> boxes, List<Tag> tags) {
    Set<String> drawn = new HashSet<>();
    for (LabHost host : lab.hosts()) {
      for (LabNamespace ns : host.namespaces()) {
        for (LabDevice device : devicesOf(ns, LabDeviceKind.VETH)) {
          String end = host.name() + "/" + ns.name() + "/" + device.name();
          String other = host.name() + "/" + device.peer().netns() + "/" + device.peer().device();
          if (!drawn.add(end) || !drawn.add(other) || ns.name().equals(device.peer().netns())) {
            continue;
          }
          Rectangle2D a = boxes.get(key(host.name(), ns.name()));
          Rectangle2D b = boxes.get(key(host.name(), device.peer().netns()));
          if (a != null && b != null) {
            link(g, a, b, LINK, tags, device.name(), device.peer().device());
          }
        }
      }
    }
  }

  private static void underlay(
      Graphics2D g, LabDocument lab, Map<String, Rectangle2D> boxes, double top, List<Tag> tags) {
    int count = lab.underlay().size();
    double gap = 20;
    double width = (WIDTH - 2.0 * MARGIN - gap * (count - 1)) / count;
    Map<String, Rectangle2D> switches = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      switches.put(
          lab.underlay().get(i),
          new Rectangle2D.Double(MARGIN + i * (width + gap), top, width, SWITCH_HEIGHT));
    }
    for (LabHost host : lab.hosts()) {
      for (LabNamespace ns : host.namespaces()) {
        for (LabDevice nic : devicesOf(ns, LabDeviceKind.PHYSICAL)) {
          Rectangle2D sw = nic.underlay() == null ? null : switches.get(nic.underlay());
          Rectangle2D box = boxes.get(key(host.name(), ns.name()));
          if (sw != null && box != null) {
            Rectangle2D target =
                new Rectangle2D.Double(box.getCenterX() - 1, sw.getY(), 2, sw.getHeight());
            link(g, box, target, UNDERLAY, tags, nic.name());
          }
        }
      }
    }
    g.setFont(new Font(FONT, Font.BOLD, 18));
    switches.forEach((name, sw) -> {
      g.setColor(UNDERLAY);
      g.fill(round(sw, 10));
      g.setColor(Color.WHITE);
      g.drawString(
          fit(g, "switch " + name, sw.getWidth() - 20),
          (float) sw.getX() + 10,
          (float) sw.getY() + 24);
    });
  }

  /** A line between two boxes, from edge to edge, tagged with the device names of its ends. */
  private static void link(
      Graphics2D g, Rectangle2D a, Rectangle2D b, Color color, List<Tag> tags, String... names) {
    double left = Math.max(a.getX(), b.getX());
    double right = Math.min(a.getMaxX(), b.getMaxX());
    double upper = Math.max(a.getY(), b.getY());
    double lower = Math.min(a.getMaxY(), b.getMaxY());
    Point2D ea;
    Point2D eb;
    if (left < right) {
      double x = (left + right) / 2;
      boolean aAbove = a.getCenterY() < b.getCenterY();
      ea = new Point2D.Double(x, aAbove ? a.getMaxY() : a.getY());
      eb = new Point2D.Double(x, aAbove ? b.getY() : b.getMaxY());
    } else if (upper < lower) {
      double y = (upper + lower) / 2;
      boolean aLeft = a.getCenterX() < b.getCenterX();
      ea = new Point2D.Double(aLeft ? a.getMaxX() : a.getX(), y);
      eb = new Point2D.Double(aLeft ? b.getX() : b.getMaxX(), y);
    } else {
      Point2D ca = new Point2D.Double(a.getCenterX(), a.getCenterY());
      Point2D cb = new Point2D.Double(b.getCenterX(), b.getCenterY());
      ea = exit(a, ca, cb);
      eb = exit(b, cb, ca);
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(ea, eb));
    tags.add(new Tag(names[0], ea, eb));
    if (names.length > 1) {
      tags.add(new Tag(names[1], eb, ea));
    }
  }

  /** A device name just inside its box, where the line towards the other end leaves it. */
  private static void label(Graphics2D g, Tag tag) {
    Point2D from = tag.at();
    double dx = tag.towards().getX() - from.getX();
    double dy = tag.towards().getY() - from.getY();
    double length = Math.max(1, Math.hypot(dx, dy));
    FontMetrics metrics = g.getFontMetrics();
    double width = metrics.stringWidth(tag.name()) + 8;
    double reach =
        Math.abs(dx) / length * (width / 2 + 4)
            + Math.abs(dy) / length * (metrics.getHeight() / 2.0 + 4);
    double cx = from.getX() - dx / length * reach;
    double cy = from.getY() - dy / length * reach;
    Rectangle2D box =
        new Rectangle2D.Double(
            cx - width / 2, cy - metrics.getHeight() / 2.0, width, metrics.getHeight());
    g.setColor(TAG);
    g.fill(round(box, 8));
    g.setColor(INK);
    g.drawString(tag.name(), (float) box.getX() + 4, (float) (box.getY() + metrics.getAscent()));
  }

  /** Where the segment from {@code inside} (the box's centre) to {@code outside} leaves the box. */
  private static Point2D exit(Rectangle2D box, Point2D inside, Point2D outside) {
    double dx = outside.getX() - inside.getX();
    double dy = outside.getY() - inside.getY();
    double t = 1;
    if (dx != 0) {
      t = Math.min(t, Math.abs(box.getWidth() / 2 / dx));
    }
    if (dy != 0) {
      t = Math.min(t, Math.abs(box.getHeight() / 2 / dy));
    }
    return new Point2D.Double(inside.getX() + dx * t, inside.getY() + dy * t);
  }

  private static List<LabDevice> devicesOf(LabNamespace ns, LabDeviceKind kind) {
    return ns.devices().stream().filter(d -> d.kind() == kind).toList();
  }

  private static int labelSize(double height) {
    return (int) Math.max(12, Math.min(22, height / 7));
  }

  private static RoundRectangle2D round(Rectangle2D r, double arc) {
    return new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), arc, arc);
  }

  /** {@code text} cut with "…" to fit {@code width} pixels in the current font. */
  private static String fit(Graphics2D g, String text, double width) {
    FontMetrics metrics = g.getFontMetrics();
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  private static String key(String host, String netns) {
    return host + "\u0000" + netns;
  }
}
