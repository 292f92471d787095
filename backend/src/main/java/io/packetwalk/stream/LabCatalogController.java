package io.packetwalk.stream;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/templates}: the built-in labs a page can open ({@code /?lab=ID}). */
@RestController
class LabCatalogController {

  /** One built-in lab as the page lists it. */
  record Template(String id, String name, String description) {}

  private final LabServer server;

  LabCatalogController(LabServer server) {
    this.server = server;
  }

  @GetMapping("/api/templates")
  List<Template> templates() {
    return server.catalog().labs().stream()
        .map(lab -> new Template(lab.id(), lab.name(), lab.description()))
        .toList();
  }
}
