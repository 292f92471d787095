package io.packetwalk.web;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The lab page: a shell that loads the frontend bundle, and the site icon. */
@Controller
class LabPageController {

  private static final MediaType SVG = MediaType.valueOf("image/svg+xml");
  private static final Resource ICON = new ClassPathResource("static/favicon.svg");

  @GetMapping("/")
  String lab() {
    return "lab";
  }

  /** Browsers ask for /favicon.ico whatever the page says; they get the SVG icon. */
  @GetMapping("/favicon.ico")
  ResponseEntity<Resource> favicon() {
    return ResponseEntity.ok()
        .contentType(SVG)
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
        .body(ICON);
  }
}
