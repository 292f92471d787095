package io.packetwalk.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Runs an HTTP request's simulation while watching its client: once the work has started, a space
 * (legal before any JSON value) is written and flushed every {@link #HEARTBEAT}, so a client that
 * went away shows up as a failed write and the work is told to stop. Before the work starts (while
 * it waits for a slot) nothing is written, so a busy server can still answer 503.
 */
public final class ClientWatch {

  /** How often a running request writes a heartbeat. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();

  /** The client stopped reading; the work was cancelled and nothing more can be sent. */
  public static final class ClientGoneException extends RuntimeException {
    ClientGoneException(IOException cause) {
      super("the client went away", cause);
    }
  }

  /** What the work gets: a way to say it started, and whether its client is gone. */
  public record Watch(Runnable started, BooleanSupplier cancelled) {}

  private ClientWatch() {}

  /**
   * Runs {@code work} on a thread of its own and returns its result. Once the work called {@link
   * Watch#started()}, the response is committed as {@code contentType} with status 200 and
   * heartbeats begin. Throws {@link ClientGoneException} when a heartbeat could not be written
   * (after the work ended, told it was cancelled), and rethrows the work's own unchecked
   * exceptions.
   */
  public static <T> T run(
      HttpServletResponse response, String contentType, Function<Watch, T> work) {
    AtomicBoolean started = new AtomicBoolean();
    AtomicBoolean gone = new AtomicBoolean();
    CompletableFuture<T> result =
        CompletableFuture.supplyAsync(
            () -> work.apply(new Watch(() -> started.set(true), gone::get)), WORKERS);
    while (true) {
      try {
        return result.get(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        if (started.get()) {
          try {
            heartbeat(response, contentType);
          } catch (IOException closed) {
            gone.set(true);
            result.handle((value, failure) -> null).join();
            throw new ClientGoneException(closed);
          }
        }
      } catch (InterruptedException e) {
        gone.set(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while a simulation ran", e);
      } catch (ExecutionException e) {
        switch (e.getCause()) {
          case RuntimeException runtime -> throw runtime;
          case Error error -> throw error;
          default -> throw new IllegalStateException(e.getCause());
        }
      }
    }
  }

  /**
   * Writes the JSON answer of a watched run: with status 200 unless heartbeats already committed
   * the response (then the answer follows the spaces they wrote, still valid JSON).
   */
  public static void answerJson(HttpServletResponse response, byte[] json) throws IOException {
    if (!response.isCommitted()) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
    }
    response.getOutputStream().write(json);
    response.flushBuffer();
  }

  /**
   * Whether {@code failure} is a read from or write to a client that closed its connection
   * (Tomcat's ClientAbortException, a reset, a request no longer usable): nobody is left to answer,
   * and it is logged at debug, never as an error.
   */
  public static boolean isClientAbort(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClientGoneException
          || t instanceof AsyncRequestNotUsableException
          || t.getClass().getSimpleName().equals("ClientAbortException")) {
        return true;
      }
    }
    return false;
  }

  private static void heartbeat(HttpServletResponse response, String contentType)
      throws IOException {
    if (!response.isCommitted()) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(contentType);
    }
    response.getOutputStream().write(' ');
    response.flushBuffer();
  }
}
