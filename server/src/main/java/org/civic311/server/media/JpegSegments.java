package org.civic311.server.media;

/**
 * A cursor over the marker segments of a JPEG file (ITU T.81 annex B), from the one after SOI.
 * Each call to {@link #next()} moves to the next marker; for markers with a length the payload
 * bounds are then known. After SOS the entropy-coded scan data follows, which
 * {@link #skipScan()} steps over.
 */
final class JpegSegments {
  static final int SOI = 0xD8;
  static final int EOI = 0xD9;
  static final int SOS = 0xDA;

  private final byte[] in;
  private int at = 2;
  private int marker;
  private int start;
  private int payload;
  private int end;

  JpegSegments(byte[] jpeg) {
    this.in = jpeg;
  }

  /** Moves to the next marker and returns it (0xC0 for SOF0, 0xE1 for APP1, ...). */
  int next() {
    if (at >= in.length || (in[at] & 0xFF) != 0xFF) {
      throw new BrokenImage(at >= in.length ? "ends before its end-of-image marker"
          : "has stray bytes where a JPEG marker should be, at offset " + at);
    }
    start = at;
    while (at < in.length && (in[at] & 0xFF) == 0xFF) {
      at++; // any number of 0xFF fill bytes may precede a marker
    }
    BigEndian.require(in, at, 1);
    marker = in[at++] & 0xFF;
    if (marker == 0x00 || marker == SOI) {
      throw new BrokenImage("has a misplaced JPEG marker at offset " + start);
    }
    if (standsAlone(marker)) {
      payload = at;
      end = at;
      return marker;
    }
    int length = BigEndian.u16(in, at);
    if (length < 2) {
      throw new BrokenImage("has a JPEG segment shorter than its own length field");
    }
    payload = at + 2;
    end = at + length;
    BigEndian.require(in, at, length);
    at = end;
    return marker;
  }

  /** Steps over the scan data after an SOS segment, up to the marker that ends it. */
  void skipScan() {
    int i = at;
    while (i < in.length) {
      if ((in[i] & 0xFF) == 0xFF && i + 1 < in.length) {
        int b = in[i + 1] & 0xFF;
        if (b == 0x00 || b >= 0xD0 && b <= 0xD7) {
          i += 2; // a stuffed 0xFF data byte, or a restart marker inside the scan
          continue;
        }
        break;
      }
      i++;
    }
    end = i;
    at = i;
  }

  /** Where the current segment starts, at its first 0xFF. */
  int start() {
    return start;
  }

  /** Where the current segment's payload starts, just after its length field. */
  int payload() {
    return payload;
  }

  int payloadLength() {
    return end - payload;
  }

  /** Where the current segment (or, after {@link #skipScan()}, the scan data) ends. */
  int end() {
    return end;
  }

  /** Whether the current payload starts with these ASCII bytes (an APPn identifier). */
  boolean payloadStartsWith(String ascii) {
    if (payloadLength() < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if ((in[payload + i] & 0xFF) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean standsAlone(int marker) {
    return marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 || marker == EOI;
  }
}
