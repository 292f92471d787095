package io.packetwalk.share;

import io.packetwalk.stream.SavedLabs;
import org.springframework.stereotype.Component;

/**
 * Opens saved labs for the lab protocol's {@code hello.shared}: the version's document, read-only
 * when the secret is a view link's; a refused secret becomes the refusal's sentence.
 */
@Component
class SavedLabOpener implements SavedLabs {

  private final SharedLabStore store;

  SavedLabOpener(SharedLabStore store) {
    this.store = store;
  }

  @Override
  public Opening open(String id, String secret, Integer version) {
    try {
      Permission permission = store.info(id, secret).permission();
      return found(store.version(id, secret, version), permission == Permission.VIEW);
    } catch (ShareException e) {
      return new Refused(e.getMessage());
    }
  }

  @Override
  public Opening stored(String id, int version) {
    try {
      return found(store.storedVersion(id, version), true);
    } catch (ShareException e) {
      return new Refused(e.getMessage());
    }
  }

  private static Found found(SharedLabStore.Opened opened, boolean readOnly) {
    return new Found(
        opened.labId(), opened.version(), opened.savedAt(), opened.document(), readOnly);
  }
}
