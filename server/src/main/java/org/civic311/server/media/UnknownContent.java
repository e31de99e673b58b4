package org.civic311.server.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Says in a few words what bytes that are not an accepted image look like, so a refusal can
 * tell the client more than "unsupported": an HTML error page saved as photo.jpg is a common
 * client bug, and naming it saves everyone time.
 */
final class UnknownContent {
  private static final int TEXT_SAMPLE = 512;

  private UnknownContent() {
  }

  /** A noun phrase such as "HTML", "a ZIP archive" or "unrecognised binary data". */
  static String describe(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, TEXT_SAMPLE), StandardCharsets.ISO_8859_1);
    String text = head.replaceFirst("^\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
    if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")
        || text.startsWith("<body")) {
      return "HTML";
    }
    if (text.startsWith("<svg") || text.startsWith("<?xml") && text.contains("<svg")) {
      return "an SVG drawing";
    }
    if (text.startsWith("<?xml")) {
      return "XML";
    }
    if (text.startsWith("{") || text.startsWith("[")) {
      return "JSON or other text";
    }
    if (head.startsWith("PK\u0003\u0004") || head.startsWith("PK\u0005\u0006")) {
      return "a ZIP archive";
    }
    if (head.startsWith("%PDF-")) {
      return "a PDF";
    }
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
      return "a GIF image";
    }
    if (head.startsWith("II*\u0000") || head.startsWith("MM\u0000*")) {
      return "a TIFF image";
    }
    if (head.startsWith("BM") && b.length > 14 && b[14] >= 12 && b[15] == 0) {
      return "a BMP image";
    }
    if (head.length() >= 12 && head.startsWith("ftyp", 4)) {
      String brand = head.substring(8, 12);
      return brand.startsWith("avi") ? "an AVIF image"
          : "a video or other ISO media file (" + brand.trim() + ")";
    }
    if (head.startsWith("RIFF")) {
      return "a RIFF file such as audio or video";
    }
    if (head.startsWith("\u001F\u008B")) {
      return "gzip-compressed data";
    }
    if (head.startsWith("\u007FELF") || head.startsWith("MZ")) {
      return "a program";
    }
    return isText(b) ? "plain text" : "unrecognised binary data";
  }

  private static boolean isText(byte[] b) {
    int n = Math.min(b.length, TEXT_SAMPLE);
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
