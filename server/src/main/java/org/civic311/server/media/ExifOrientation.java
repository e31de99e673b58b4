package org.civic311.server.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one EXIF field worth keeping: Orientation (tag 0x0112). Phones store portrait photos
 * sideways and set this tag; dropping it with the rest of EXIF would show every such photo
 * turned a quarter. So the stripped JPEG gets a new EXIF segment holding that tag alone.
 */
final class ExifOrientation {
  private static final String EXIF_HEADER = "Exif\0\0";
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int SHORT = 3;

  private ExifOrientation() {
  }

  /** Whether an APP1 payload is EXIF (rather than XMP or something else). */
  static boolean isExif(JpegSegments segment) {
    return segment.payloadStartsWith(EXIF_HEADER);
  }

  /**
   * The orientation in an EXIF payload (starting at "Exif"), 1 to 8, or 1 when the tag is
   * missing or the structure is unreadable: a broken EXIF block is dropped anyway.
   */
  static int read(byte[] b, int payload, int length) {
    int tiff = payload + EXIF_HEADER.length();
    int limit = payload + length;
    if (tiff + 8 > limit) {
      return 1;
    }
    boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
    if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
      return 1;
    }
    long ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > limit) {
      return 1;
    }
    int count = u16(b, (int) ifd, little);
    for (int i = 0; i < count; i++) {
      int entry = (int) ifd + 2 + 12 * i;
      if (entry + 12 > limit) {
        return 1;
      }
      if (u16(b, entry, little) == ORIENTATION_TAG && u16(b, entry + 2, little) == SHORT) {
        int value = u16(b, entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /** A complete APP1 segment (marker included) whose EXIF holds only this orientation. */
  static byte[] segment(int orientation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(36);
    byte[] tiff = {
        'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at offset 8
        0, 1, // one entry
        0x01, 0x12, 0, SHORT, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
        0, 0, 0, 0 // no next IFD
    };
    int length = 2 + EXIF_HEADER.length() + tiff.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length);
    out.writeBytes(EXIF_HEADER.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiff);
    return out.toByteArray();
  }

  private static int u16(byte[] b, int at, boolean little) {
    return little ? LittleEndian.u16(b, at) : BigEndian.u16(b, at);
  }

  private static long u32(byte[] b, int at, boolean little) {
    return little ? LittleEndian.u32(b, at) : BigEndian.u32(b, at);
  }
}
