package org.civic311.server.media;

/** Unsigned big-endian integers in a byte array, as JPEG, PNG and ISO BMFF (HEIF) store them. */
final class BigEndian {
  private BigEndian() {
  }

  static int u8(byte[] b, int at) {
    require(b, at, 1);
    return b[at] & 0xFF;
  }

  static int u16(byte[] b, int at) {
    require(b, at, 2);
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  static long u32(byte[] b, int at) {
    require(b, at, 4);
    return (long) u16(b, at) << 16 | u16(b, at + 2);
  }

  static long u64(byte[] b, int at) {
    require(b, at, 8);
    return u32(b, at) << 32 | u32(b, at + 4);
  }

  /** An unsigned integer of 0, 4 or 8 bytes, the variable widths of the HEIF {@code iloc} box. */
  static long sized(byte[] b, int at, int size) {
    switch (size) {
      case 0:
        return 0;
      case 4:
        return u32(b, at);
      case 8:
        return u64(b, at);
      default:
        throw new BrokenImage("uses a field width of " + size + " bytes, which the format does not allow");
    }
  }

  /** Fails unless {@code count} bytes are there from {@code at}: truncated files end here. */
  static void require(byte[] b, long at, long count) {
    if (at < 0 || count < 0 || at + count > b.length) {
      throw new BrokenImage("ends in the middle of its structure (it may be truncated)");
    }
  }
}
