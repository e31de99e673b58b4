package org.civic311.server.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * PNG files. Metadata is removed by dropping whole chunks, so every kept chunk is copied with
 * its own CRC and the output needs no re-computation. Ancillary chunks are kept only when they
 * change how the image looks; the rest (eXIf, tEXt, zTXt, iTXt, tIME, and private chunks such as
 * content-credential manifests, which can name places) go. Critical chunks are always kept.
 */
final class PngFormat implements ImageFormat {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Set<String> DISPLAY_CHUNKS = Set.of(
      "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "hIST", "sPLT",
      "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT");

  @Override
  public boolean recognises(byte[] b) {
    if (b.length < SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (b[i] != SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Dimensions dimensions(byte[] image) {
    int at = SIGNATURE.length;
    if (BigEndian.u32(image, at) != 13 || !"IHDR".equals(type(image, at))) {
      throw new BrokenImage("does not start with a PNG header chunk (IHDR)");
    }
    long width = BigEndian.u32(image, at + 8);
    long height = BigEndian.u32(image, at + 12);
    if (width == 0 || height == 0) {
      throw new BrokenImage("declares a size of zero");
    }
    return new Dimensions(width, height);
  }

  @Override
  public byte[] withoutMetadata(byte[] image) {
    dimensions(image);
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length);
    out.writeBytes(SIGNATURE);
    int at = SIGNATURE.length;
    while (true) {
      long length = BigEndian.u32(image, at);
      String type = type(image, at);
      long end = at + 12 + length; // length, type, data, CRC
      BigEndian.require(image, at, end - at);
      if (isCritical(type) || DISPLAY_CHUNKS.contains(type)) {
        out.write(image, at, (int) (end - at));
      }
      if ("IEND".equals(type)) {
        return out.toByteArray(); // anything after IEND is not part of the image
      }
      at = (int) end;
    }
  }

  private static String type(byte[] image, int chunk) {
    BigEndian.require(image, chunk + 4, 4);
    return new String(image, chunk + 4, 4, StandardCharsets.ISO_8859_1);
  }

  /** Critical chunks have an upper-case first letter; a decoder may not skip them. */
  private static boolean isCritical(String type) {
    char first = type.charAt(0);
    return first >= 'A' && first <= 'Z';
  }
}
