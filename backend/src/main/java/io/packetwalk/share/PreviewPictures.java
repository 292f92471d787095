package io.packetwalk.share;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The preview pictures of saved labs' versions, drawn once and kept: a version never changes, so
 * its picture is cached by lab and version (the {@value #CACHED} most recently used), while the
 * preview token is checked on every request so a revoked link's picture is refused at once.
 */
@Service
class PreviewPictures {

  static final int CACHED = 64;

  private final SharedLabStore store;
  private final Map<String, byte[]> pictures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHED;
        }
      };

  PreviewPictures(SharedLabStore store) {
    this.store = store;
  }

  /** The PNG of version {@code version} of lab {@code labId}, if {@code token} may see it. */
  byte[] png(String labId, String token, int version) {
    store.checkPreview(labId, token, version);
    String key = labId + "/" + version;
    synchronized (pictures) {
      byte[] cached = pictures.get(key);
      if (cached != null) {
        return cached;
      }
    }
    byte[] drawn = TopologyPicture.png(store.preview(labId, token, version).document());
    synchronized (pictures) {
      pictures.put(key, drawn);
    }
    return drawn;
  }
}
