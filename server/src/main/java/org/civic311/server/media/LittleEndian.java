package org.civic311.server.media;

/** Unsigned little-endian integers in a byte array, as RIFF (WebP) stores them. */
final class LittleEndian {
  private LittleEndian() {
  }

  static int u16(byte[] b, int at) {
    BigEndian.require(b, at, 2);
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  static int u24(byte[] b, int at) {
    BigEndian.require(b, at, 3);
    return u16(b, at) | (b[at + 2] & 0xFF) << 16;
  }

  static long u32(byte[] b, int at) {
    BigEndian.require(b, at, 4);
    return u16(b, at) | (long) u16(b, at + 2) << 16;
  }
}
