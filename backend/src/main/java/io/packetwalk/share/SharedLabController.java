package io.packetwalk.share;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.store.LabDocumentCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/shared}: saved labs, their versions and links (docs/sharing.md). A lab's secret
 * travels in the {@value #SECRET_HEADER} header; what it may do is decided by {@link
 * SharedLabStore}. Errors are JSON {@code {error, message, problems[]}} ({@link ShareErrors}).
 */
@RestController
@RequestMapping("/api/shared")
class SharedLabController {

  static final String SECRET_HEADER = "X-Lab-Secret";

  /** A new lab: both secrets and both links, shown this once (the server keeps only hashes). */
  record Created(
      String id,
      int version,
      String viewSecret,
      String editSecret,
      String viewLink,
      String editLink) {}

  /** A new link after a rotation. */
  record Rotated(String id, Permission permission, String secret, String link) {}

  /** How many links a revocation ended. */
  record Revoked(String id, Permission permission, int revoked) {}

  /** A version just written. */
  record SavedVersion(String id, int version, Instant savedAt) {}

  private final SharedLabStore store;
  private final LabDocumentCodec codec;
  private final AddressRateLimit labsPerAddress;
  private final long maxDocumentBytes;

  SharedLabController(
      SharedLabStore store,
      LabDocumentCodec codec,
      AddressRateLimit labsPerAddress,
      ShareProperties properties) {
    this.store = store;
    this.codec = codec;
    this.labsPerAddress = labsPerAddress;
    this.maxDocumentBytes = properties.maxDocumentSize().toBytes();
  }

  /** A lab document (JSON) becomes a new lab, version 1; its name is the title. */
  @PostMapping
  ResponseEntity<Created> create(InputStream body, HttpServletRequest request) throws IOException {
    LabDocument document = document(body);
    labsPerAddress.acquire(request.getRemoteAddr());
    return created(store.create(document));
  }

  @GetMapping("/{id}")
  SharedLabStore.LabInfo info(
      @PathVariable String id,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return store.info(id, secret);
  }

  @GetMapping("/{id}/versions")
  List<VersionSummary> versions(
      @PathVariable String id,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return store.versions(id, secret);
  }

  @GetMapping("/{id}/versions/latest")
  ResponseEntity<String> latest(
      @PathVariable String id,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return version(store.version(id, secret, null));
  }

  /** One version's lab document, in the current schema (older ones are migrated as read). */
  @GetMapping("/{id}/versions/{number}")
  ResponseEntity<String> version(
      @PathVariable String id,
      @PathVariable int number,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return version(store.version(id, secret, number));
  }

  /** A lab document (JSON) saved as the newest version; needs the edit secret. */
  @PostMapping("/{id}/versions")
  ResponseEntity<SavedVersion> save(
      @PathVariable String id,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      InputStream body)
      throws IOException {
    store.authorize(id, secret, Permission.EDIT);
    return saved(store.save(id, secret, document(body)));
  }

  /** Version {@code number} saved again as the newest version; needs the edit secret. */
  @PostMapping("/{id}/versions/{number}/restore")
  ResponseEntity<SavedVersion> restore(
      @PathVariable String id,
      @PathVariable int number,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    return saved(store.restore(id, secret, number));
  }

  /** A new lab with its own links, from the newest version or {@code ?version=N}. */
  @PostMapping("/{id}/fork")
  ResponseEntity<Created> fork(
      @PathVariable String id,
      @RequestParam(name = "version", required = false) Integer version,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      HttpServletRequest request) {
    store.authorize(id, secret, Permission.VIEW);
    labsPerAddress.acquire(request.getRemoteAddr());
    return created(store.fork(id, secret, version));
  }

  /** Revokes the lab's view or edit link and makes a new one; needs the edit secret. */
  @PostMapping("/{id}/links/{permission}/rotate")
  Rotated rotate(
      @PathVariable String id,
      @PathVariable String permission,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    Permission which = permission(permission);
    String fresh = store.rotate(id, secret, which);
    return new Rotated(id, which, fresh, link(id, fresh));
  }

  /** Revokes the lab's view or edit link without a new one; needs the edit secret. */
  @PostMapping("/{id}/links/{permission}/revoke")
  Revoked revoke(
      @PathVariable String id,
      @PathVariable String permission,
      @RequestHeader(name = SECRET_HEADER, required = false) String secret) {
    Permission which = permission(permission);
    return new Revoked(id, which, store.revoke(id, secret, which));
  }

  private LabDocument document(InputStream body) throws IOException {
    int limit = (int) Math.min(maxDocumentBytes, LabDocumentCodec.MAX_BYTES);
    byte[] bytes = body.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw new ShareException(
          HttpStatus.CONTENT_TOO_LARGE,
          "DOCUMENT_TOO_LARGE",
          "The lab document is larger than the limit of "
              + limit
              + " bytes for a saved lab; nothing was saved.");
    }
    return codec.read(bytes).document();
  }

  private ResponseEntity<Created> created(SharedLabStore.NewLab lab) {
    return ResponseEntity.created(URI.create("/api/shared/" + lab.labId()))
        .body(
            new Created(
                lab.labId(),
                lab.version(),
                lab.viewSecret(),
                lab.editSecret(),
                link(lab.labId(), lab.viewSecret()),
                link(lab.labId(), lab.editSecret())));
  }

  private static ResponseEntity<SavedVersion> saved(SharedLabStore.Saved saved) {
    return ResponseEntity.created(
            URI.create("/api/shared/" + saved.labId() + "/versions/" + saved.version()))
        .body(new SavedVersion(saved.labId(), saved.version(), saved.savedAt()));
  }

  private ResponseEntity<String> version(SharedLabStore.Opened opened) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .header("X-Lab-Version", Integer.toString(opened.version()))
        .header("X-Lab-Stored-Schema-Version", Integer.toString(opened.storedSchemaVersion()))
        .body(codec.write(opened.document()));
  }

  /** The page address of a link: {@code /shared/{id}/{secret}} on this server. */
  private static String link(String id, String secret) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/shared/{id}/{secret}")
        .buildAndExpand(id, secret)
        .toUriString();
  }

  private static Permission permission(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "view" -> Permission.VIEW;
      case "edit" -> Permission.EDIT;
      default ->
          throw new ShareException(
              HttpStatus.NOT_FOUND,
              "NO_SUCH_LINK_KIND",
              "A lab has a \"view\" and an \"edit\" link; there is no \"" + name + "\" link.");
    };
  }
}
