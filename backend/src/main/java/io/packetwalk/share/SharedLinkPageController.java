package io.packetwalk.share;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The pages a link opens: {@code /shared/{id}/{secret}} (the lab page) and {@code
 * /embed/{id}/{viewSecret}} (the read-only embed page, the only page other sites may frame). A live
 * link's page carries the lab's OpenGraph and Twitter card meta ({@link LinkPreview}); otherwise a
 * small page says the link was revoked (410) or is unknown (404). An embed refuses an edit link
 * (403): a page that frames it would hand every reader the right to change the lab.
 */
@Controller
class SharedLinkPageController {

  private final SharedLabStore store;

  SharedLinkPageController(SharedLabStore store) {
    this.store = store;
  }

  @GetMapping("/shared/{id}/{secret}")
  ModelAndView open(
      @PathVariable String id,
      @PathVariable String secret,
      @RequestParam(name = "version", required = false) String version) {
    return switch (store.linkState(id, secret)) {
      case LIVE -> labPage(id, secret, version);
      case REVOKED -> revoked();
      case UNKNOWN -> unknown();
    };
  }

  @GetMapping("/embed/{id}/{secret}")
  ModelAndView embed(
      @PathVariable String id,
      @PathVariable String secret,
      @RequestParam(name = "version", required = false) String version) {
    return switch (store.linkState(id, secret)) {
      case LIVE ->
          store.info(id, secret).permission() == Permission.VIEW
              ? labPage(id, secret, version)
              : refused(
                  HttpStatus.FORBIDDEN,
                  "Embed the view link",
                  "This is an edit link: a page that framed it would let every reader change the"
                      + " lab. Copy the embed snippet from the Share dialog, which uses the view"
                      + " link.");
      case REVOKED -> revoked();
      case UNKNOWN -> unknown();
    };
  }

  /** The lab page with the preview of the version the link names (the newest when none). */
  private ModelAndView labPage(String id, String secret, String version) {
    ModelAndView page = new ModelAndView("lab", HttpStatus.OK);
    SharedLabStore.Opened opened;
    try {
      opened = store.version(id, secret, versionNumber(version));
    } catch (ShareException e) {
      return page; // no such version: the page says so itself; no preview
    }
    String image =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/preview/{id}/{token}/{version}.png")
            .buildAndExpand(id, store.previewToken(id, secret), opened.version())
            .toUriString();
    page.addObject("preview", LinkPreview.of(opened.document(), image));
    return page;
  }

  private static Integer versionNumber(String version) {
    if (version == null || !version.matches("[1-9][0-9]{0,8}")) {
      return null;
    }
    return Integer.valueOf(version);
  }

  private static ModelAndView revoked() {
    return refused(
        HttpStatus.GONE,
        "This link was revoked",
        "The lab's owner revoked this link, so it opens nothing any more. Ask them for a new"
            + " link.");
  }

  private static ModelAndView unknown() {
    return refused(
        HttpStatus.NOT_FOUND,
        "No lab at this link",
        "This link does not open a saved lab. Check that it was copied whole.");
  }

  private static ModelAndView refused(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("shared-link", status);
    page.addObject("title", title);
    page.addObject("message", message);
    return page;
  }
}
