package org.civic311.server.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The keys of stored media: the SHA-256 of the sanitised bytes in 64 lower-case hex digits, and
 * the same with {@code -thumb} for its thumbnail. Keys are the only thing a store turns into a
 * path, and only after {@link #isValid(String)}, so nothing a client sends can name a file.
 */
public final class MediaKey {
  private static final String THUMBNAIL_SUFFIX = "-thumb";
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}(?:" + THUMBNAIL_SUFFIX + ")?");

  private MediaKey() {
  }

  /** Whether this is a well-formed key; false for null and for anything with other characters. */
  public static boolean isValid(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** The key of the thumbnail of the original stored under {@code key}. */
  public static String thumbnailOf(String key) {
    String original = require(key);
    if (isThumbnail(original)) {
      throw new IllegalArgumentException("a thumbnail has no thumbnail: " + key);
    }
    return original + THUMBNAIL_SUFFIX;
  }

  static boolean isThumbnail(String key) {
    return key.endsWith(THUMBNAIL_SUFFIX);
  }

  /** The original's key for a thumbnail key, or the key itself. */
  static String digestPart(String key) {
    return key.substring(0, 64);
  }

  static String require(String key) {
    if (!isValid(key)) {
      throw new IllegalArgumentException("not a media key (64 lower-case hex digits, optionally -thumb)");
    }
    return key;
  }

  static String of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
