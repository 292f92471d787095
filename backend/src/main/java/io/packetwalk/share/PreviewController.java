package io.packetwalk.share;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /preview/{id}/{token}/{version}.png}: the picture of a saved lab's topology that link
 * previews show (the pages' {@code og:image}). The token is a link's preview token, not its secret
 * (docs/sharing.md, "Embeds and link previews"); a refusal is a short plain-text sentence.
 */
@RestController
class PreviewController {

  private static final Duration CACHED_FOR = Duration.ofHours(1);

  private final PreviewPictures pictures;

  PreviewController(PreviewPictures pictures) {
    this.pictures = pictures;
  }

  @GetMapping("/preview/{id}/{token}/{version}.png")
  ResponseEntity<byte[]> picture(
      @PathVariable String id, @PathVariable String token, @PathVariable int version) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.maxAge(CACHED_FOR).cachePublic())
        .body(pictures.png(id, token, version));
  }

  @ExceptionHandler(ShareException.class)
  ResponseEntity<String> refused(ShareException e) {
    return ResponseEntity.status(e.status()).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }
}
