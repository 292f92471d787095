package io.packetwalk.stream;

import io.packetwalk.shell.RunLimits;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.ProtocolException;
import io.packetwalk.system.SimulationSlots;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;

/**
 * The server side of every lab connection together: admits a connection or refuses it over the
 * session caps, closes idle ones, keeps the {@link LabRegistry}, and holds what each connection
 * needs to run simulations. Thread-safe.
 */
final class LabServer implements AutoCloseable {

  static final CloseStatus SERVER_FULL =
      new CloseStatus(4001, "The server has its maximum number of lab sessions; try again later.");
  static final CloseStatus ADDRESS_FULL =
      new CloseStatus(
          4002, "Too many lab sessions from your address; close another tab and try again.");
  static final CloseStatus TOO_SLOW =
      new CloseStatus(
          4004, "The connection read too slowly; your lab is kept, reconnect to resume it.");
  static final CloseStatus REPLACED = new CloseStatus(4005, "This lab was opened in another tab.");

  /** How long a refused connection stays open before it is closed with its reason. */
  private static final long REFUSAL_DELAY_MS = 500;

  /** How often idle connections and expired parked labs are looked for. */
  private static final long SWEEP_SECONDS = 5;

  private final LabCatalog catalog;
  private final SavedLabs savedLabs;
  private final SimulationSlots slots;
  private final RunLimits limits;
  private final StreamProperties properties;
  private final LabRegistry registry;
  private final LiveLabs live;

  /** The bus this server made for itself (no database), closed with it; else null. */
  private LocalLiveBus ownedBus;

  private final Set<LabConnection> connections = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().daemon().name("session-sweeper").unstarted(task));

  LabServer(
      LabCatalog catalog, SimulationSlots slots, RunLimits limits, StreamProperties properties) {
    this(catalog, SavedLabs.NONE, slots, limits, properties);
  }

  LabServer(
      LabCatalog catalog,
      SavedLabs savedLabs,
      SimulationSlots slots,
      RunLimits limits,
      StreamProperties properties) {
    this(catalog, savedLabs, new MemoryLiveLog(), new LocalLiveBus(), slots, limits, properties);
    ownedBus = (LocalLiveBus) live.bus();
  }

  LabServer(
      LabCatalog catalog,
      SavedLabs savedLabs,
      LiveLog liveLog,
      LiveBus liveBus,
      SimulationSlots slots,
      RunLimits limits,
      StreamProperties properties) {
    this.catalog = catalog;
    this.savedLabs = savedLabs;
    this.slots = slots;
    this.limits = limits;
    this.properties = properties;
    this.registry =
        new LabRegistry(
            properties.resumeWindow(),
            properties.maxParkedLabs(),
            properties.labObjectBudget(),
            System::nanoTime);
    this.live =
        new LiveLabs(liveLog, liveBus, savedLabs, new LabSession.Run(slots, limits, () -> false));
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  LabRegistry registry() {
    return registry;
  }

  LiveLabs live() {
    return live;
  }

  SimulationSlots slots() {
    return slots;
  }

  RunLimits limits() {
    return limits;
  }

  StreamProperties properties() {
    return properties;
  }

  LabCatalog catalog() {
    return catalog;
  }

  SavedLabs savedLabs() {
    return savedLabs;
  }

  /** A fresh copy of the built-in lab {@code id}, or of the default one when id is null. */
  LabSession newLab(String id) {
    return new LabSession(id == null ? catalog.defaultLab() : catalog.find(id).orElseThrow());
  }

  /** Admits {@code connection}, or says with which close status it must be refused. */
  CloseStatus admit(LabConnection connection) {
    synchronized (connections) {
      if (connections.size() >= properties.maxSessions()) {
        return SERVER_FULL;
      }
      if (perAddress.getOrDefault(connection.address(), 0) >= properties.maxSessionsPerAddress()) {
        return ADDRESS_FULL;
      }
      connections.add(connection);
      perAddress.merge(connection.address(), 1, Integer::sum);
      return null;
    }
  }

  /** {@code connection} ended: its slot under the caps is free again and its lab parked. */
  void left(LabConnection connection) {
    synchronized (connections) {
      if (connections.remove(connection)) {
        perAddress.computeIfPresent(connection.address(), (a, n) -> n <= 1 ? null : n - 1);
      }
    }
    connection.closed();
  }

  /**
   * Closes a refused connection with its reason a moment after it opened, so that a client that
   * says hello at once has its message arrive before the close instead of after it (which would
   * reset the connection and lose the close frame with the reason).
   */
  void refuse(LabConnection connection, CloseStatus reason) {
    sweeper.schedule(() -> connection.close(reason), REFUSAL_DELAY_MS, TimeUnit.MILLISECONDS);
  }

  int sessions() {
    return connections.size();
  }

  /** Refuses a command when its lab or all labs together are at their size limit. */
  void checkRoom(LabRegistry.Entry lab, String requestId) {
    checkSize(lab.lab(), requestId);
    if (!registry.budgetLeft()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.LAB_TOO_LARGE,
          "The server's memory for labs is full (packetwalk.ws.lab-object-budget); the command"
              + " was not run. Try again later, or make your lab smaller.");
    }
  }

  /** Refuses a command when {@code lab} is at its size limit. */
  void checkSize(LabSession lab, String requestId) {
    long objects = lab.footprint();
    if (objects >= properties.maxLabObjects()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.LAB_TOO_LARGE,
          String.format(
              Locale.ROOT,
              "This lab holds %,d kernel objects, its limit (packetwalk.ws.max-lab-objects is"
                  + " %,d); delete namespaces or devices before adding more.",
              objects,
              properties.maxLabObjects()));
    }
  }

  private void sweep() {
    long idleNs = properties.idleTimeout().toNanos();
    long now = System.nanoTime();
    CloseStatus idle =
        new CloseStatus(
            4003,
            "Idle for "
                + properties.idleTimeout().toMinutes()
                + " minutes; your lab is kept, reconnect to resume it.");
    for (LabConnection connection : connections) {
      if (now - connection.lastHeardNs() > idleNs) {
        connection.close(idle);
      }
    }
    registry.expire();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    if (ownedBus != null) {
      ownedBus.close();
    }
  }
}
