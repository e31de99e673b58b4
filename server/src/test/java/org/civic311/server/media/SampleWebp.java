package org.civic311.server.media;

import java.io.ByteArrayOutputStream;

/**
 * WebP files built by hand. The image data is a lossless (VP8L) bitstream of one colour, written
 * from the format's specification: no transforms, no colour cache, and five prefix codes that
 * each have a single symbol, so every pixel costs zero bits and any size takes a few bytes.
 */
final class SampleWebp {
  static final String EXIF_TEXT = "Exif\0\0GPS-in-webp";
  static final String XMP_TEXT = "<x:xmpmeta><exif:GPSLatitude>51,30.2N</exif:GPSLatitude></x:xmpmeta>";

  private SampleWebp() {
  }

  /** A simple-format lossless WebP: RIFF header and one VP8L chunk. */
  static byte[] lossless(int width, int height) {
    return riff(chunk("VP8L", vp8l(width, height, 0xFF, 0x20, 0x80, 0xC0)));
  }

  /** An extended-format WebP with a VP8X header and, if asked, EXIF and XMP chunks after the image. */
  static byte[] extended(int width, int height, boolean exif, boolean xmp) {
    return extended(width, height, width, height, exif, xmp);
  }

  /** An extended WebP whose canvas and frame sizes may differ (they must not, in a valid file). */
  static byte[] extended(int canvasWidth, int canvasHeight, int width, int height, boolean exif, boolean xmp) {
    int flags = (exif ? 0x08 : 0) | (xmp ? 0x04 : 0);
    byte[] vp8x = Bytes.concat(new byte[] {(byte) flags, 0, 0, 0}, u24(canvasWidth - 1), u24(canvasHeight - 1));
    return riff(
        chunk("VP8X", vp8x),
        chunk("VP8L", vp8l(width, height, 0xFF, 0x20, 0x80, 0xC0)),
        exif ? chunk("EXIF", Bytes.ascii(EXIF_TEXT)) : new byte[0],
        xmp ? chunk("XMP ", Bytes.ascii(XMP_TEXT)) : new byte[0]);
  }

  static byte[] riff(byte[]... chunks) {
    byte[] body = Bytes.concat(chunks);
    return Bytes.concat(Bytes.ascii("RIFF"), Bytes.u32le(4 + body.length), Bytes.ascii("WEBP"), body);
  }

  static byte[] chunk(String fourcc, byte[] payload) {
    byte[] pad = payload.length % 2 == 1 ? new byte[1] : new byte[0];
    return Bytes.concat(Bytes.ascii(fourcc), Bytes.u32le(payload.length), payload, pad);
  }

  private static byte[] vp8l(int width, int height, int alpha, int red, int green, int blue) {
    Bits bits = new Bits();
    bits.write(0x2F, 8);
    bits.write(width - 1, 14);
    bits.write(height - 1, 14);
    bits.write(0, 1); // alpha_is_used
    bits.write(0, 3); // version
    bits.write(0, 1); // no transform
    bits.write(0, 1); // no colour cache
    bits.write(0, 1); // no meta prefix codes
    for (int symbol : new int[] {green, red, blue, alpha, 0}) {
      bits.write(1, 1); // simple code
      bits.write(0, 1); // one symbol
      bits.write(1, 1); // symbol written in 8 bits
      bits.write(symbol, 8);
    }
    return bits.toByteArray();
  }

  private static byte[] u24(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16)};
  }

  /** Writes bit fields least significant bit first, as VP8L reads them. */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void write(int value, int count) {
      for (int i = 0; i < count; i++) {
        current |= (value >> i & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    byte[] toByteArray() {
      if (used > 0) {
        out.write(current);
        current = 0;
        used = 0;
      }
      return out.toByteArray();
    }
  }
}
