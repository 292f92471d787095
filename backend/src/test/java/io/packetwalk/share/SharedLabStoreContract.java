package io.packetwalk.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.store.LabDocumentCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the lab store promises, on whichever database a subclass configures: the Flyway migrations
 * make the schema, versions are immutable and numbered in order even when saved at once, secrets
 * are kept only as hashes, old documents come back migrated, and a refused operation changes
 * nothing. {@link H2SharedLabStoreTest} and {@link PostgresSharedLabStoreTest} run it.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(SharedLabStoreContract.Config.class)
@TestPropertySource(properties = "packetwalk.share.versions-per-minute=1000")
abstract class SharedLabStoreContract {

  @TestConfiguration
  @EnableConfigurationProperties(ShareProperties.class)
  @Import({SharedLabStore.class, LabDocumentCodec.class})
  static class Config {}

  @Autowired SharedLabStore store;
  @Autowired LabDocumentCodec codec;
  @Autowired JdbcTemplate jdbc;
  @Autowired LabCreationRows creations;
  @Autowired JdbcAggregateTemplate rows;

  static String resource(String name) {
    try (InputStream in = SharedLabStoreContract.class.getResourceAsStream("/labs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  LabDocument lab(String name) {
    LabDocument example =
        codec
            .read(resource("two-pods-on-a-bridge.json").getBytes(StandardCharsets.UTF_8))
            .document();
    return new LabDocument(
        example.schemaVersion(),
        name,
        example.description(),
        example.hosts(),
        example.underlay(),
        example.layout(),
        "Notes of " + name,
        example.probes());
  }

  /** The database the subclass runs on, as its product name starts. */
  abstract String databaseProduct();

  @Test
  void runsOnTheDatabaseItNames() throws Exception {
    String product =
        jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    assertThat(product).startsWith(databaseProduct());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\"", Integer.class))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aNewLabReadsBackAsItWasSaved() {
    LabDocument document = lab("Two pods");
    SharedLabStore.NewLab created = store.create(document);

    SharedLabStore.Opened opened = store.version(created.labId(), created.viewSecret(), null);

    assertThat(opened.version()).isEqualTo(1);
    assertThat(opened.document()).isEqualTo(document);
    assertThat(opened.storedSchemaVersion()).isEqualTo(LabDocument.SCHEMA_VERSION);
    assertThat(store.info(created.labId(), created.viewSecret()).permission())
        .isEqualTo(Permission.VIEW);
    assertThat(store.info(created.labId(), created.editSecret()).permission())
        .isEqualTo(Permission.EDIT);
  }

  @Test
  void keepsOnlyHashesOfUnguessableSecrets() {
    SharedLabStore.NewLab created = store.create(lab("Secrets"));

    for (String secret : List.of(created.viewSecret(), created.editSecret())) {
      assertThat(Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(16);
    }
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT * FROM shared_lab_link WHERE lab_id = ? ORDER BY permission", created.labId());
    assertThat(rows).hasSize(2);
    String everything = rows.toString();
    assertThat(everything)
        .doesNotContain(created.viewSecret())
        .doesNotContain(created.editSecret());
    assertThat(
            rows.get(0).get("SECRET_HASH") == null
                ? rows.get(0).get("secret_hash")
                : rows.get(0).get("SECRET_HASH"))
        .isEqualTo(LinkSecrets.hash(created.editSecret()));
    assertThat(created.viewSecret()).isNotEqualTo(created.editSecret());
  }

  @Test
  void aPreviewTokenOpensOnlyItsLinksLabUntilTheLinkIsRevoked() {
    SharedLabStore.NewLab created = store.create(lab("Preview"));
    SharedLabStore.NewLab other = store.create(lab("Other"));
    String token = store.previewToken(created.labId(), created.viewSecret());

    assertThat(token)
        .isNotEqualTo(created.viewSecret())
        .isNotEqualTo(LinkSecrets.hash(created.viewSecret()))
        .isEqualTo(LinkSecrets.previewToken(LinkSecrets.hash(created.viewSecret())));
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(16);
    assertThat(store.preview(created.labId(), token, 1).document().name()).isEqualTo("Preview");
    assertRefused(() -> store.preview(other.labId(), token, 1), HttpStatus.NOT_FOUND);
    assertRefused(() -> store.checkPreview(created.labId(), token, 2), HttpStatus.NOT_FOUND);
    assertRefused(() -> store.info(created.labId(), token), HttpStatus.FORBIDDEN);

    store.revoke(created.labId(), created.editSecret(), Permission.VIEW);
    assertRefused(() -> store.checkPreview(created.labId(), token, 1), HttpStatus.GONE);
  }

  @Test
  void everySaveIsANewVersionAndARestoreCopiesAnOldOne() {
    SharedLabStore.NewLab created = store.create(lab("First"));
    store.save(created.labId(), created.editSecret(), lab("Second"));
    store.save(created.labId(), created.editSecret(), lab("Third"));

    SharedLabStore.Saved restored = store.restore(created.labId(), created.editSecret(), 1);

    assertThat(restored.version()).isEqualTo(4);
    List<VersionSummary> history = store.versions(created.labId(), created.viewSecret());
    assertThat(history).extracting(VersionSummary::versionNumber).containsExactly(1, 2, 3, 4);
    assertThat(history)
        .extracting(VersionSummary::title)
        .containsExactly("First", "Second", "Third", "First");
    assertThat(history.get(3).restoredFrom()).isEqualTo(1);
    assertThat(store.version(created.labId(), created.viewSecret(), 2).document().name())
        .isEqualTo("Second");
    assertThat(store.version(created.labId(), created.viewSecret(), null).document())
        .isEqualTo(lab("First"));
  }

  @Test
  void twoEditorsSavingAtOnceKeepEverySaveInOrder() throws Exception {
    SharedLabStore.NewLab created = store.create(lab("Start"));
    int savesEach = 15;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Integer>>> editors = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (String editor : List.of("A", "B")) {
        editors.add(
            pool.submit(() -> {
              go.await();
              List<Integer> numbers = new ArrayList<>();
              for (int i = 0; i < savesEach; i++) {
                numbers.add(
                    store.save(created.labId(), created.editSecret(), lab(editor + i)).version());
              }
              return numbers;
            }));
      }
      go.countDown();
      List<Integer> a = editors.get(0).get();
      List<Integer> b = editors.get(1).get();

      assertThat(a).isSorted().doesNotContainAnyElementsOf(b);
      assertThat(b).isSorted();
    }
    List<VersionSummary> history = store.versions(created.labId(), created.viewSecret());
    assertThat(history).hasSize(1 + 2 * savesEach);
    assertThat(history)
        .extracting(VersionSummary::versionNumber)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 31).boxed().toList());
    for (String editor : List.of("A", "B")) {
      List<String> titles =
          history.stream().map(VersionSummary::title).filter(t -> t.startsWith(editor)).toList();
      assertThat(titles)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, savesEach).mapToObj(i -> editor + i).toList());
    }
    for (VersionSummary version : history) {
      assertThat(
              store
                  .version(created.labId(), created.viewSecret(), version.versionNumber())
                  .document()
                  .name())
          .isEqualTo(version.title());
    }
  }

  @Test
  void anOlderSchemaVersionIsMigratedWhenReadBack() {
    SharedLabStore.NewLab created = store.create(lab("Now"));
    String old = resource("v0-two-pods-on-a-bridge.json");
    jdbc.update("UPDATE shared_lab SET latest_version = 2 WHERE id = ?", created.labId());
    jdbc.update(
        "INSERT INTO shared_lab_version (lab_id, version_number, title, schema_version, document,"
            + " document_sha256, saved_at) VALUES (?, 2, 'Old', 0, ?, ?, CURRENT_TIMESTAMP)",
        created.labId(),
        old,
        HexFormat.of().formatHex(LinkSecrets.sha256(old.getBytes(StandardCharsets.UTF_8))));

    SharedLabStore.Opened opened = store.version(created.labId(), created.viewSecret(), 2);

    assertThat(opened.storedSchemaVersion()).isZero();
    assertThat(opened.document().schemaVersion()).isEqualTo(LabDocument.SCHEMA_VERSION);
    assertThat(opened.document())
        .isEqualTo(codec.read(old.getBytes(StandardCharsets.UTF_8)).document());
  }

  @Test
  void aVersionThatNoLongerMatchesItsChecksumIsNotServed() {
    SharedLabStore.NewLab created = store.create(lab("Intact"));
    jdbc.update(
        "UPDATE shared_lab_version SET document = ? WHERE lab_id = ?",
        codec.write(lab("Tampered")),
        created.labId());

    assertThatThrownBy(() -> store.version(created.labId(), created.viewSecret(), 1))
        .isInstanceOfSatisfying(
            ShareException.class, e -> assertThat(e.code()).isEqualTo("VERSION_CORRUPT"));
  }

  @Test
  void aViewSecretCannotChangeAnythingAndAWrongOneOpensNothing() {
    SharedLabStore.NewLab created = store.create(lab("Guarded"));
    SharedLabStore.NewLab other = store.create(lab("Other"));
    String id = created.labId();

    assertRefused(() -> store.save(id, created.viewSecret(), lab("Changed")), HttpStatus.FORBIDDEN);
    assertRefused(() -> store.restore(id, created.viewSecret(), 1), HttpStatus.FORBIDDEN);
    assertRefused(
        () -> store.rotate(id, created.viewSecret(), Permission.VIEW), HttpStatus.FORBIDDEN);
    assertRefused(
        () -> store.revoke(id, created.viewSecret(), Permission.EDIT), HttpStatus.FORBIDDEN);
    assertRefused(() -> store.version(id, other.editSecret(), 1), HttpStatus.FORBIDDEN);
    assertRefused(() -> store.version(id, null, 1), HttpStatus.UNAUTHORIZED);
    assertRefused(() -> store.version("nope", created.viewSecret(), 1), HttpStatus.NOT_FOUND);

    assertThat(store.versions(id, created.editSecret())).hasSize(1);
    assertThat(store.linkState(id, created.viewSecret())).isEqualTo(SharedLabStore.LinkState.LIVE);
    assertThat(store.linkState(id, created.editSecret())).isEqualTo(SharedLabStore.LinkState.LIVE);
  }

  @Test
  void aRotatedLinkIsRevokedAndItsSuccessorWorks() {
    SharedLabStore.NewLab created = store.create(lab("Rotating"));
    String id = created.labId();

    String newView = store.rotate(id, created.editSecret(), Permission.VIEW);

    assertRefused(() -> store.version(id, created.viewSecret(), 1), HttpStatus.GONE);
    assertThat(store.linkState(id, created.viewSecret()))
        .isEqualTo(SharedLabStore.LinkState.REVOKED);
    assertThat(store.info(id, newView).permission()).isEqualTo(Permission.VIEW);
    assertThat(store.revoke(id, created.editSecret(), Permission.EDIT)).isEqualTo(1);
    assertRefused(() -> store.save(id, created.editSecret(), lab("Late")), HttpStatus.GONE);
    assertThat(store.versions(id, newView)).hasSize(1);
  }

  @Test
  void aForkIsANewLabWithItsOwnLinks() {
    SharedLabStore.NewLab created = store.create(lab("Original"));
    store.save(created.labId(), created.editSecret(), lab("Original, later"));

    SharedLabStore.NewLab fork = store.fork(created.labId(), created.viewSecret(), 1);

    assertThat(fork.labId()).isNotEqualTo(created.labId());
    SharedLabStore.LabInfo info = store.info(fork.labId(), fork.editSecret());
    assertThat(info.forkedFrom()).isEqualTo(created.labId());
    assertThat(info.forkedFromVersion()).isEqualTo(1);
    assertThat(store.version(fork.labId(), fork.viewSecret(), null).document().name())
        .isEqualTo("Original");
    assertRefused(() -> store.info(fork.labId(), created.editSecret()), HttpStatus.FORBIDDEN);
  }

  private static void assertRefused(Runnable call, HttpStatus status) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ShareException.class, e -> assertThat(e.status()).isEqualTo(status));
  }

  @Test
  void theLabsPerAddressLimitHoldsAcrossInstancesAndForgetsAfterAMinute() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    AddressRateLimit one = limitAt(start);
    AddressRateLimit two = limitAt(start.plusSeconds(10));
    one.acquire("192.0.2.7");
    two.acquire("192.0.2.7");
    assertThatThrownBy(() -> two.acquire("192.0.2.7"))
        .isInstanceOfSatisfying(
            ShareException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(e.code()).isEqualTo("TOO_MANY_LABS");
              assertThat(e.getMessage()).endsWith("try again in 51 seconds.");
            });
    two.acquire("198.51.100.9");
    limitAt(start.plusSeconds(61)).acquire("192.0.2.7");
    assertThat(jdbc.queryForList("SELECT address_hash FROM lab_creation", String.class))
        .hasSize(3)
        .noneMatch(hash -> hash.contains("192.0.2.7") || hash.contains("198.51.100.9"));
  }

  /** Another server instance's limit on the same database, its clock stopped at {@code now}. */
  private AddressRateLimit limitAt(Instant now) {
    return new AddressRateLimit(2, creations, rows, Clock.fixed(now, ZoneOffset.UTC));
  }
}
