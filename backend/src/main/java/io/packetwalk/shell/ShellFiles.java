package io.packetwalk.shell;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The few files a shell session's commands write and read through redirections ({@code
 * iptables-save > rules.v4}, {@code iptables-restore < rules.v4}, {@code cat > f <<'EOF'}). They
 * live in memory with the session; their number and size are bounded.
 */
public final class ShellFiles {

  /** The most files a session keeps. */
  public static final int MAX_FILES = 64;

  /** The largest file, in bytes (UTF-8). */
  public static final int MAX_FILE_BYTES = 8 << 20;

  private final Map<String, String> files = new LinkedHashMap<>();

  public Optional<String> read(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /** Writes (or appends to) {@code name}; the reason it cannot, as bash would word it, or empty. */
  public Optional<String> write(String name, String text, boolean append) {
    String content = append ? files.getOrDefault(name, "") + text : text;
    if (!files.containsKey(name) && files.size() >= MAX_FILES) {
      return Optional.of(
          name + ": No space left on device (a session keeps at most " + MAX_FILES + " files)");
    }
    if (content.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
      return Optional.of(name + ": File too large (a session's files hold at most 8 MiB each)");
    }
    files.put(name, content);
    return Optional.empty();
  }
}
