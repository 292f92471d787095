package io.packetwalk.share;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: {@code initdb} into a fresh temporary directory, the
 * server on a free loopback port with its unix socket in that directory, stopped and deleted by
 * {@link #close()} (and by a shutdown hook should the JVM end first). As root the server runs as
 * the {@code postgres} user, which PostgreSQL requires. Uses Debian's packages ({@code apt-get
 * install postgresql}, as {@code .ci/run} does) or the directory in {@code PACKETWALK_PG_BIN}.
 */
public final class PostgresCluster implements AutoCloseable {

  private static final String USER = "postgres";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;
  private final Thread cleanup;

  private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.cleanup = new Thread(this::stopAndDelete, "postgres-cluster-cleanup");
  }

  /** Why no server can be started here, or empty when one can. */
  public static Optional<String> unavailableReason() {
    if (binaries().isEmpty()) {
      return Optional.of(
          "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or"
              + " $PACKETWALK_PG_BIN; install them with: apt-get install postgresql");
    }
    if (isRoot() && !userExists()) {
      return Optional.of(
          "running as root, and PostgreSQL refuses root, but there is no \"postgres\" user to run"
              + " it as");
    }
    return Optional.empty();
  }

  /**
   * Starts a new, empty server that skips fsync (tests need no durability against power loss);
   * {@link #unavailableReason()} must be empty.
   */
  public static PostgresCluster start() throws IOException, InterruptedException {
    return start(false);
  }

  /** Starts a new, empty server with PostgreSQL's default durability: every commit is fsynced. */
  public static PostgresCluster startDurable() throws IOException, InterruptedException {
    return start(true);
  }

  private static PostgresCluster start(boolean fsync) throws IOException, InterruptedException {
    Path bin = binaries().orElseThrow();
    boolean root = isRoot();
    Path dir = Files.createTempDirectory("packetwalk-pg-");
    if (root) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
      Files.setOwner(dir, postgres);
    }
    PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), root);
    Runtime.getRuntime().addShutdownHook(cluster.cleanup);
    try {
      cluster.run(
          "initdb",
          "-D",
          cluster.data().toString(),
          "-U",
          USER,
          "-A",
          "trust",
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync");
      cluster.run(
          "pg_ctl",
          "-D",
          cluster.data().toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          "-p "
              + cluster.port
              + " -k "
              + dir
              + " -c listen_addresses=127.0.0.1 -c max_connections=50"
              + (fsync ? "" : " -c fsync=off"),
          "start");
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** A new, empty database on this server, as a JDBC URL. */
  public String createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return jdbcUrl(name);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String user() {
    return USER;
  }

  /** The server's version, as {@code SHOW server_version} prints it. */
  String version() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement s = c.createStatement();
        var rows = s.executeQuery("SHOW server_version")) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Override
  public void close() {
    stopAndDelete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stopAndDelete() {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("PostgresCluster: stopping the server in " + dir + " failed: " + e);
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("PostgresCluster: deleting " + dir + " failed: " + e);
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private void run(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    // pg_ctl start leaves the server running with its output in server.log, so read until exit.
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(tool + " did not finish within 90 seconds:\n" + output);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed with " + process.exitValue() + ":\n" + output);
    }
  }

  private static Optional<Path> binaries() {
    String configured = System.getenv("PACKETWALK_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      Path bin = Path.of(configured);
      return hasServer(bin) ? Optional.of(bin) : Optional.empty();
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(PostgresCluster::hasServer)
          .max(Comparator.comparingInt(PostgresCluster::majorVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean hasServer(Path bin) {
    return Files.isExecutable(bin.resolve("initdb"))
        && Files.isExecutable(bin.resolve("pg_ctl"))
        && Files.isExecutable(bin.resolve("postgres"));
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean userExists() {
    try {
      return Files.readAllLines(Path.of("/etc/passwd")).stream()
          .anyMatch(line -> line.startsWith(USER + ":"));
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
