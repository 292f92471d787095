package io.packetwalk.stream;

import io.packetwalk.lab.LabDocument;
import java.time.Instant;

/**
 * Where a hello's {@code shared} lab comes from: the saved labs (io.packetwalk.share implements
 * this), which check the link's secret. {@link #NONE} serves a server that keeps none.
 */
public interface SavedLabs {

  /** What opening a saved lab gave. */
  sealed interface Opening {}

  /**
   * Version {@code version} of lab {@code labId}, saved at {@code savedAt}; {@code readOnly} when
   * the secret is a view link's.
   */
  record Found(String labId, int version, Instant savedAt, LabDocument document, boolean readOnly)
      implements Opening {}

  /** Why the lab cannot be opened, in a sentence for the page's notice. */
  record Refused(String reason) implements Opening {}

  /**
   * Opens version {@code version} (null: the newest) of saved lab {@code id} with {@code secret}.
   */
  Opening open(String id, String secret, Integer version);

  /**
   * Version {@code version} of lab {@code id} without a secret, for the server's own use once a
   * link was checked: a live lab rebuilding its world from the version another instance started
   * from.
   */
  Opening stored(String id, int version);

  SavedLabs NONE =
      new SavedLabs() {
        @Override
        public Opening open(String id, String secret, Integer version) {
          return new Refused("This server keeps no saved labs.");
        }

        @Override
        public Opening stored(String id, int version) {
          return new Refused("This server keeps no saved labs.");
        }
      };
}
