package io.packetwalk.share;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabHost;

/**
 * What a link page's OpenGraph and Twitter card meta tags say: the lab's title, its notes as plain
 * text and the absolute address of its preview picture. The template escapes every value.
 */
record LinkPreview(String title, String description, String image) {

  /** The preview of {@code lab}, whose picture is at {@code image}. */
  static LinkPreview of(LabDocument lab, String image) {
    String notes = NotesText.plain(lab.notes());
    String description = notes.isEmpty() ? NotesText.plain(lab.description()) : notes;
    return new LinkPreview(lab.name(), description.isEmpty() ? summary(lab) : description, image);
  }

  private static String summary(LabDocument lab) {
    int hosts = lab.hosts().size();
    int namespaces = lab.hosts().stream().mapToInt(h -> h.namespaces().size()).sum();
    return "A Packetwalk lab: "
        + count(hosts, "host")
        + " and "
        + count(namespaces, "network namespace")
        + (hosts == 1
            ? ""
            : " (" + String.join(", ", lab.hosts().stream().map(LabHost::name).toList()) + ")")
        + ".";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
