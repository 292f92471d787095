package io.packetwalk.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Lab ids and link secrets from a {@link SecureRandom}, as URL-safe base64 without padding, and the
 * SHA-256 of a secret, which is all the database keeps of it.
 */
final class LinkSecrets {

  /** 192 bits: unguessable, and still a short link (32 characters). */
  static final int SECRET_BYTES = 24;

  /** 96 bits: a lab id is not a secret, only unique and not enumerable. */
  static final int ID_BYTES = 12;

  /** 128 bits of a preview token. */
  static final int PREVIEW_TOKEN_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private LinkSecrets() {}

  static String newSecret() {
    return random(SECRET_BYTES);
  }

  static String newLabId() {
    return random(ID_BYTES);
  }

  /** The SHA-256 of the secret's UTF-8 bytes, URL-safe base64 (43 characters). */
  static String hash(String secret) {
    return BASE64.encodeToString(sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The preview token of a link, from the hash the database keeps of its secret: the first 128 bits
   * of SHA-256 over a fixed label and the hash. It opens only the lab's preview picture; it is put
   * in pages' public meta tags, and neither the secret nor its hash can be worked back from it.
   */
  static String previewToken(String secretHash) {
    byte[] digest = sha256(("packetwalk preview\n" + secretHash).getBytes(StandardCharsets.UTF_8));
    return BASE64.encodeToString(Arrays.copyOf(digest, PREVIEW_TOKEN_BYTES));
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return BASE64.encodeToString(value);
  }
}
