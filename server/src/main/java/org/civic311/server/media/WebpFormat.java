package org.civic311.server.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * WebP files (a RIFF container of chunks). Metadata is removed by dropping every chunk but those
 * a decoder needs, clearing the EXIF and XMP flags of the VP8X header, and writing the new RIFF
 * size. The size check reads the VP8X canvas and also every frame's own header, since a frame
 * larger than its canvas would otherwise slip a huge decode past a small declared size.
 */
final class WebpFormat implements ImageFormat {
  private static final Set<String> IMAGE_CHUNKS =
      Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
  private static final int EXIF_FLAG = 0x08;
  private static final int XMP_FLAG = 0x04;
  private static final int HEADER = 12;

  @Override
  public boolean recognises(byte[] b) {
    return b.length >= HEADER && ascii(b, 0).equals("RIFF") && ascii(b, 8).equals("WEBP");
  }

  @Override
  public Dimensions dimensions(byte[] image) {
    int end = riffEnd(image);
    int first = HEADER;
    String type = ascii(image, first);
    if (!type.equals("VP8X")) {
      return frame(image, first);
    }
    int p = first + 8;
    Dimensions canvas = new Dimensions(1L + LittleEndian.u24(image, p + 4),
        1L + LittleEndian.u24(image, p + 7));
    for (int at = next(image, first, end); at < end; at = next(image, at, end)) {
      String chunk = ascii(image, at);
      if (chunk.equals("VP8 ") || chunk.equals("VP8L")) {
        requireWithin(frame(image, at), canvas);
      } else if (chunk.equals("ANMF")) {
        int f = at + 8;
        requireWithin(new Dimensions(1L + LittleEndian.u24(image, f + 6),
            1L + LittleEndian.u24(image, f + 9)), canvas);
        int frameEnd = next(image, at, end);
        for (int inner = f + 16; inner < frameEnd; inner = next(image, inner, frameEnd)) {
          String innerType = ascii(image, inner);
          if (innerType.equals("VP8 ") || innerType.equals("VP8L")) {
            requireWithin(frame(image, inner), canvas);
          }
        }
      }
    }
    return canvas;
  }

  @Override
  public byte[] withoutMetadata(byte[] image) {
    dimensions(image);
    int end = riffEnd(image);
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length);
    out.writeBytes(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
    for (int at = HEADER; at < end; ) {
      int next = next(image, at, end);
      String type = ascii(image, at);
      if (IMAGE_CHUNKS.contains(type)) {
        byte[] chunk = Arrays.copyOfRange(image, at, next);
        if (type.equals("VP8X")) {
          chunk[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
        }
        out.writeBytes(chunk);
      }
      at = next;
    }
    byte[] result = out.toByteArray();
    long size = result.length - 8L;
    for (int i = 0; i < 4; i++) {
      result[4 + i] = (byte) (size >> (8 * i));
    }
    return result;
  }

  /** The width and height in a VP8 (lossy) or VP8L (lossless) bitstream chunk's header. */
  private static Dimensions frame(byte[] image, int chunk) {
    String type = ascii(image, chunk);
    int p = chunk + 8;
    if (type.equals("VP8 ")) {
      BigEndian.require(image, p, 10);
      if ((image[p + 3] & 0xFF) != 0x9D || image[p + 4] != 0x01 || image[p + 5] != 0x2A) {
        throw new BrokenImage("has a lossy WebP frame without its start code");
      }
      return nonZero(new Dimensions(LittleEndian.u16(image, p + 6) & 0x3FFF,
          LittleEndian.u16(image, p + 8) & 0x3FFF));
    }
    if (type.equals("VP8L")) {
      if (BigEndian.u8(image, p) != 0x2F) {
        throw new BrokenImage("has a lossless WebP frame without its signature");
      }
      long bits = LittleEndian.u32(image, p + 1);
      return new Dimensions((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
    }
    throw new BrokenImage("starts with a '" + type.trim() + "' chunk instead of an image");
  }

  private static Dimensions nonZero(Dimensions d) {
    if (d.width() == 0 || d.height() == 0) {
      throw new BrokenImage("declares a size of zero");
    }
    return d;
  }

  private static void requireWithin(Dimensions frame, Dimensions canvas) {
    if (frame.width() > canvas.width() || frame.height() > canvas.height()) {
      throw new BrokenImage("has a frame larger than its canvas");
    }
  }

  /** The end of the RIFF data; bytes after it are not part of the file. */
  private static int riffEnd(byte[] image) {
    long end = 8 + LittleEndian.u32(image, 4);
    BigEndian.require(image, 0, end);
    return (int) end;
  }

  /** The offset of the chunk after the one at {@code at}, counting the pad byte of odd sizes. */
  private static int next(byte[] image, int at, int end) {
    long size = LittleEndian.u32(image, at + 4);
    long next = at + 8 + size + (size & 1);
    if (next > end) {
      throw new BrokenImage("has a WebP chunk that runs past the end of the file");
    }
    return (int) next;
  }

  private static String ascii(byte[] b, int at) {
    BigEndian.require(b, at, 4);
    return new String(b, at, 4, StandardCharsets.ISO_8859_1);
  }
}
