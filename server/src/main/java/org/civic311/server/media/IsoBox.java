package org.civic311.server.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One box of an ISO base media file (ISO/IEC 14496-12 §4.2), the container of HEIF: where it
 * starts, where its content starts and where it ends, all as offsets into the file's bytes.
 */
record IsoBox(String type, int start, int content, int end) {

  /** The boxes that fill {@code from} to {@code to}, in order. */
  static List<IsoBox> children(byte[] b, int from, int to) {
    List<IsoBox> boxes = new ArrayList<>();
    int at = from;
    while (at + 8 <= to) {
      long size = BigEndian.u32(b, at);
      String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = BigEndian.u64(b, at + 8);
        header = 16;
      } else if (size == 0) {
        size = to - at; // the last box may run to the end of its container
      }
      if (type.equals("uuid")) {
        header += 16;
      }
      if (size < header || size > to - at) {
        throw new BrokenImage("has a box ('" + type + "') that does not fit in its container");
      }
      boxes.add(new IsoBox(type, at, at + header, (int) (at + size)));
      at += (int) size;
    }
    return boxes;
  }

  /** The first box of this type in the list. */
  static Optional<IsoBox> first(List<IsoBox> boxes, String type) {
    return boxes.stream().filter(box -> box.type.equals(type)).findFirst();
  }

  /** The children of this box, for a box whose content is boxes after {@code skip} bytes. */
  List<IsoBox> children(byte[] b, int skip) {
    return children(b, content + skip, end);
  }

  /** The version byte of a full box (one that starts with version and flags). */
  int version(byte[] b) {
    return BigEndian.u8(b, content);
  }

  /** The 24 flag bits of a full box. */
  int flags(byte[] b) {
    return (int) (BigEndian.u32(b, content) & 0xFFFFFF);
  }
}
