package io.packetwalk.stream;

import io.packetwalk.lab.LabDocument;

/**
 * Where a hello's {@code shared} lab comes from: the saved labs (io.packetwalk.share implements
 * this), which check the link's secret. {@link #NONE} serves a server that keeps none.
 */
public interface SavedLabs {

  /** What opening a saved lab gave. */
  sealed interface Opening {}

  /** The saved version's document; {@code readOnly} when the secret is a view link's. */
  record Found(LabDocument document, boolean readOnly) implements Opening {}

  /** Why the lab cannot be opened, in a sentence for the page's notice. */
  record Refused(String reason) implements Opening {}

  /**
   * Opens version {@code version} (null: the newest) of saved lab {@code id} with {@code secret}.
   */
  Opening open(String id, String secret, Integer version);

  SavedLabs NONE = (id, secret, version) -> new Refused("This server keeps no saved labs.");
}
