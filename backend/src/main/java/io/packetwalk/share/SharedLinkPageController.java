package io.packetwalk.share;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a link opens, {@code /shared/{id}/{secret}}: the lab page when the link is live (the
 * page then asks {@code /api/shared} for the lab), and otherwise a small page saying the link was
 * revoked (410) or is unknown (404).
 */
@Controller
class SharedLinkPageController {

  private final SharedLabStore store;

  SharedLinkPageController(SharedLabStore store) {
    this.store = store;
  }

  @GetMapping("/shared/{id}/{secret}")
  ModelAndView open(@PathVariable String id, @PathVariable String secret) {
    return switch (store.linkState(id, secret)) {
      case LIVE -> new ModelAndView("lab", HttpStatus.OK);
      case REVOKED ->
          refused(
              HttpStatus.GONE,
              "This link was revoked",
              "The lab's owner revoked this link, so it opens nothing any more. Ask them for a new"
                  + " link.");
      case UNKNOWN ->
          refused(
              HttpStatus.NOT_FOUND,
              "No lab at this link",
              "This link does not open a saved lab. Check that it was copied whole.");
    };
  }

  private static ModelAndView refused(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("shared-link", status);
    page.addObject("title", title);
    page.addObject("message", message);
    return page;
  }
}
