package org.civic311.server.media;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** PNG chunks built and read in tests, with their CRCs. */
final class PngChunks {
  private PngChunks() {
  }

  static byte[] chunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(Bytes.ascii(type));
    crc.update(data);
    return Bytes.concat(Bytes.u32be(data.length), Bytes.ascii(type), data, Bytes.u32be(crc.getValue()));
  }

  /** The PNG with these chunks inserted right after IHDR (which always ends at offset 33). */
  static byte[] afterHeader(byte[] png, byte[]... chunks) {
    return Bytes.concat(Bytes.slice(png, 0, 33), Bytes.concat(chunks), Bytes.slice(png, 33, png.length));
  }

  /** The chunk types in order; fails the test if any chunk's CRC is wrong. */
  static List<String> typesCheckingCrc(byte[] png) {
    List<String> types = new ArrayList<>();
    int at = 8;
    while (at + 12 <= png.length) {
      int length = (int) BigEndian.u32(png, at);
      String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      CRC32 crc = new CRC32();
      crc.update(png, at + 4, 4 + length);
      if (crc.getValue() != BigEndian.u32(png, at + 8 + length)) {
        throw new AssertionError("bad CRC on chunk " + type);
      }
      types.add(type);
      at += 12 + length;
    }
    if (at != png.length) {
      throw new AssertionError("bytes left after the last chunk");
    }
    return types;
  }
}
