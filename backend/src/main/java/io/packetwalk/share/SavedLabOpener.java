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
      return new Found(
          store.version(id, secret, version).document(), permission == Permission.VIEW);
    } catch (ShareException e) {
      return new Refused(e.getMessage());
    }
  }
}
