package io.packetwalk.share;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.store.LabDocumentCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved labs and their links, one transaction per operation. Every operation on an existing lab
 * first checks the presented secret against the permission it needs, so a refused request changes
 * nothing. Versions are only ever inserted: a save, a restore and a fork each add a version.
 */
@Service
public class SharedLabStore {

  /** A new lab (created or forked): its first version and both secrets, shown once. */
  public record NewLab(String labId, int version, String viewSecret, String editSecret) {}

  /** A version just written. */
  public record Saved(String labId, int version, Instant savedAt) {}

  /** What a secret opens: the lab, the permission, and its newest version's number. */
  public record LabInfo(
      String id,
      Permission permission,
      int latestVersion,
      Instant createdAt,
      String forkedFrom,
      Integer forkedFromVersion) {}

  /**
   * A version read back: the document (migrated to the current schema when it was written in an
   * older one) and the schema version it was stored in.
   */
  public record Opened(
      String labId,
      int version,
      Instant savedAt,
      Integer restoredFrom,
      int storedSchemaVersion,
      LabDocument document) {}

  /** What a link opens, for the link page. */
  public enum LinkState {
    /** A live link of the lab. */
    LIVE,
    /** A link of the lab that was revoked or rotated. */
    REVOKED,
    /** No link of this lab has this secret. */
    UNKNOWN
  }

  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  private final LabRows labs;
  private final VersionRows versions;
  private final LinkRows links;
  private final JdbcAggregateTemplate rows;
  private final LabDocumentCodec codec;
  private final ShareProperties properties;

  SharedLabStore(
      LabRows labs,
      VersionRows versions,
      LinkRows links,
      JdbcAggregateTemplate rows,
      LabDocumentCodec codec,
      ShareProperties properties) {
    this.labs = labs;
    this.versions = versions;
    this.links = links;
    this.rows = rows;
    this.codec = codec;
    this.properties = properties;
  }

  /** A new lab whose version 1 is {@code document}, with a view and an edit link. */
  @Transactional
  public NewLab create(LabDocument document) {
    return insertLab(document, null, null);
  }

  /** What {@code secret} opens in lab {@code labId}; refused unless it is a live link of it. */
  @Transactional(readOnly = true)
  public LabInfo info(String labId, String secret) {
    SharedLab lab = lab(labId);
    Permission permission = check(lab, secret, Permission.VIEW);
    return new LabInfo(
        lab.id(),
        permission,
        lab.latestVersion(),
        lab.createdAt(),
        lab.forkedFrom(),
        lab.forkedFromVersion());
  }

  /**
   * Refuses unless {@code secret} is a live link of lab {@code labId} with {@code needed}, before a
   * request's body is read; the operation itself checks again in its own transaction.
   */
  @Transactional(readOnly = true)
  public void authorize(String labId, String secret, Permission needed) {
    check(lab(labId), secret, needed);
  }

  /** Whether {@code secret} is a live, revoked or unknown link of lab {@code labId}. */
  @Transactional(readOnly = true)
  public LinkState linkState(String labId, String secret) {
    return links
        .findById(LinkSecrets.hash(secret))
        .filter(link -> link.labId().equals(labId))
        .map(link -> link.revoked() ? LinkState.REVOKED : LinkState.LIVE)
        .orElse(LinkState.UNKNOWN);
  }

  /**
   * The preview token of the live link {@code secret} of lab {@code labId}, for the link page's
   * meta tags; refused unless the link is live.
   */
  @Transactional(readOnly = true)
  public String previewToken(String labId, String secret) {
    check(lab(labId), secret, Permission.VIEW);
    return LinkSecrets.previewToken(LinkSecrets.hash(secret));
  }

  /**
   * Refuses unless {@code token} is the preview token of a live link of lab {@code labId} (404 when
   * no link has it, 410 when its link was revoked) and the lab has version {@code number}.
   */
  @Transactional(readOnly = true)
  public void checkPreview(String labId, String token, int number) {
    checkPreview(lab(labId), token, number);
  }

  /** Version {@code number} of lab {@code labId}, opened by a preview token for its picture. */
  @Transactional(readOnly = true)
  public Opened preview(String labId, String token, int number) {
    SharedLab lab = lab(labId);
    checkPreview(lab, token, number);
    return read(lab, number);
  }

  private void checkPreview(SharedLab lab, String token, int number) {
    SharedLabLink link =
        links.findByLabId(lab.id()).stream()
            .filter(l -> LinkSecrets.previewToken(l.secretHash()).equals(token))
            .findFirst()
            .orElseThrow(() -> ShareException.previewNotFound(lab.id()));
    if (link.revoked()) {
      throw ShareException.revoked();
    }
    if (number < 1 || number > lab.latestVersion()) {
      throw ShareException.versionNotFound(lab.id(), number, lab.latestVersion());
    }
  }

  /** Saves {@code document} as the lab's newest version (edit link). */
  @Transactional
  public Saved save(String labId, String secret, LabDocument document) {
    check(lab(labId), secret, Permission.EDIT);
    return insertVersion(labId, document, null);
  }

  /** Saves a copy of version {@code number} as the lab's newest version (edit link). */
  @Transactional
  public Saved restore(String labId, String secret, int number) {
    SharedLab lab = lab(labId);
    check(lab, secret, Permission.EDIT);
    Opened old = read(lab, number);
    return insertVersion(labId, old.document(), number);
  }

  /** The lab's versions, oldest first (view or edit link). */
  @Transactional(readOnly = true)
  public List<VersionSummary> versions(String labId, String secret) {
    check(lab(labId), secret, Permission.VIEW);
    return versions.summaries(labId);
  }

  /** Version {@code number}, or the newest when it is null (view or edit link). */
  @Transactional(readOnly = true)
  public Opened version(String labId, String secret, Integer number) {
    SharedLab lab = lab(labId);
    check(lab, secret, Permission.VIEW);
    return read(lab, number == null ? lab.latestVersion() : number);
  }

  /**
   * Version {@code number} without a secret: for the server's own use once a link was checked (a
   * live lab rebuilding its world from the version it started from).
   */
  @Transactional(readOnly = true)
  public Opened storedVersion(String labId, int number) {
    return read(lab(labId), number);
  }

  /**
   * A new lab whose version 1 is version {@code number} of this one (the newest when null), with
   * its own links (view or edit link).
   */
  @Transactional
  public NewLab fork(String labId, String secret, Integer number) {
    SharedLab lab = lab(labId);
    check(lab, secret, Permission.VIEW);
    Opened source = read(lab, number == null ? lab.latestVersion() : number);
    return insertLab(source.document(), lab.id(), source.version());
  }

  /** Revokes the lab's live links of {@code permission} and makes a new one (edit link). */
  @Transactional
  public String rotate(String labId, String secret, Permission permission) {
    check(lab(labId), secret, Permission.EDIT);
    links.revoke(labId, permission.name(), now());
    return insertLink(labId, permission);
  }

  /**
   * Revokes the lab's live links of {@code permission} (edit link); returns how many. Revoking the
   * edit link freezes the lab: nobody can change it any more.
   */
  @Transactional
  public int revoke(String labId, String secret, Permission permission) {
    check(lab(labId), secret, Permission.EDIT);
    return links.revoke(labId, permission.name(), now());
  }

  private SharedLab lab(String labId) {
    return labs.findById(labId).orElseThrow(() -> ShareException.labNotFound(labId));
  }

  private Permission check(SharedLab lab, String secret, Permission needed) {
    if (secret == null || secret.isBlank()) {
      throw ShareException.secretMissing();
    }
    SharedLabLink link =
        links
            .findById(LinkSecrets.hash(secret))
            .filter(l -> l.labId().equals(lab.id()))
            .orElseThrow(ShareException::secretWrong);
    if (link.revoked()) {
      throw ShareException.revoked();
    }
    if (!link.permission().covers(needed)) {
      throw ShareException.viewOnly();
    }
    return link.permission();
  }

  private NewLab insertLab(LabDocument document, String forkedFrom, Integer forkedFromVersion) {
    String labId = LinkSecrets.newLabId();
    rows.insert(new SharedLab(labId, now(), 0, forkedFrom, forkedFromVersion));
    Saved first = insertVersion(labId, document, null);
    return new NewLab(
        labId,
        first.version(),
        insertLink(labId, Permission.VIEW),
        insertLink(labId, Permission.EDIT));
  }

  private Saved insertVersion(String labId, LabDocument document, Integer restoredFrom) {
    labs.incrementLatestVersion(labId);
    Instant now = now();
    long recent = versions.countByLabIdAndSavedAtAfter(labId, now.minus(RATE_WINDOW));
    if (recent >= properties.versionsPerMinute()) {
      throw new ShareException(
          HttpStatus.TOO_MANY_REQUESTS,
          "TOO_MANY_VERSIONS",
          "Lab \""
              + labId
              + "\" was saved "
              + recent
              + " times in the last minute, the limit; wait a minute and save again.");
    }
    int number = lab(labId).latestVersion();
    String text = codec.write(document);
    rows.insert(
        new SharedLabVersion(
            null,
            labId,
            number,
            document.name(),
            document.schemaVersion(),
            text,
            sha256(text),
            now,
            restoredFrom));
    return new Saved(labId, number, now);
  }

  private String insertLink(String labId, Permission permission) {
    String secret = LinkSecrets.newSecret();
    rows.insert(new SharedLabLink(LinkSecrets.hash(secret), labId, permission, now(), null));
    return secret;
  }

  private Opened read(SharedLab lab, int number) {
    SharedLabVersion row =
        versions
            .findByLabIdAndVersionNumber(lab.id(), number)
            .orElseThrow(
                () -> ShareException.versionNotFound(lab.id(), number, lab.latestVersion()));
    if (!sha256(row.document()).equals(row.documentSha256())) {
      throw new ShareException(
          HttpStatus.INTERNAL_SERVER_ERROR,
          "VERSION_CORRUPT",
          "Version "
              + number
              + " of lab \""
              + lab.id()
              + "\" does not match the checksum it was saved with; it is not served.");
    }
    LabDocumentCodec.Decoded decoded = codec.read(row.document().getBytes(StandardCharsets.UTF_8));
    return new Opened(
        lab.id(),
        row.versionNumber(),
        row.savedAt(),
        row.restoredFrom(),
        decoded.writtenVersion(),
        decoded.document());
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(LinkSecrets.sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Now, to the microsecond, the precision both databases keep. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
