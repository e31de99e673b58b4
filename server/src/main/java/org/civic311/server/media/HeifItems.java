package org.civic311.server.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of a HEIF file as its top-level {@code meta} box lists them (ISO/IEC 23008-12): which
 * one is the primary image, which hold EXIF or XMP, the properties attached to each, and where
 * each item's bytes lie in the file.
 */
final class HeifItems {
  private static final String XMP_MIME = "application/rdf+xml";

  /** A run of an item's bytes, as an absolute offset into the file. */
  record Extent(long offset, long length) {
  }

  private final byte[] file;
  private final List<IsoBox> meta;

  private HeifItems(byte[] file, List<IsoBox> meta) {
    this.file = file;
    this.meta = meta;
  }

  static HeifItems of(byte[] file) {
    IsoBox meta = IsoBox.first(IsoBox.children(file, 0, file.length), "meta")
        .orElseThrow(() -> new BrokenImage("is a HEIF file without still-image items"));
    return new HeifItems(file, meta.children(file, 4));
  }

  /** The id of the primary image item ({@code pitm}). */
  long primary() {
    IsoBox pitm = box("pitm");
    int at = pitm.content() + 4;
    return pitm.version(file) == 0 ? BigEndian.u16(file, at) : BigEndian.u32(file, at);
  }

  /** The ids of items holding EXIF, or XMP (stored as a MIME item of type application/rdf+xml). */
  List<Long> metadataItems() {
    Optional<IsoBox> iinf = IsoBox.first(meta, "iinf");
    if (iinf.isEmpty()) {
      return List.of();
    }
    int countSize = iinf.get().version(file) == 0 ? 2 : 4;
    List<Long> ids = new ArrayList<>();
    for (IsoBox infe : iinf.get().children(file, 4 + countSize)) {
      if (infe.type().equals("infe") && isMetadata(infe)) {
        ids.add(itemId(infe));
      }
    }
    return ids;
  }

  /** Where the bytes of an item lie, from the {@code iloc} box. */
  List<Extent> extents(long item) {
    IsoBox iloc = box("iloc");
    int version = iloc.version(file);
    int at = iloc.content() + 4;
    int offsetSize = BigEndian.u8(file, at) >> 4;
    int lengthSize = BigEndian.u8(file, at) & 0xF;
    int baseSize = BigEndian.u8(file, at + 1) >> 4;
    int indexSize = version >= 1 ? BigEndian.u8(file, at + 1) & 0xF : 0;
    at += 2;
    long count = version < 2 ? BigEndian.u16(file, at) : BigEndian.u32(file, at);
    at += version < 2 ? 2 : 4;
    for (long i = 0; i < count; i++) {
      long id = version < 2 ? BigEndian.u16(file, at) : BigEndian.u32(file, at);
      at += version < 2 ? 2 : 4;
      int method = version >= 1 ? BigEndian.u16(file, at) & 0xF : 0;
      at += version >= 1 ? 2 : 0;
      int dataReference = BigEndian.u16(file, at);
      long base = BigEndian.sized(file, at + 2, baseSize);
      int extentCount = BigEndian.u16(file, at + 2 + baseSize);
      at += 4 + baseSize;
      List<Extent> extents = new ArrayList<>();
      for (int e = 0; e < extentCount; e++) {
        at += indexSize;
        long offset = BigEndian.sized(file, at, offsetSize);
        long length = BigEndian.sized(file, at + offsetSize, lengthSize);
        at += offsetSize + lengthSize;
        extents.add(new Extent(base + offset, length));
      }
      if (id == item) {
        if (dataReference != 0) {
          return List.of(); // the data is in another file, not in these bytes
        }
        long origin = origin(method);
        return extents.stream().map(e -> new Extent(origin + e.offset(), e.length())).toList();
      }
    }
    return List.of();
  }

  /** The first property of this type associated with an item, from {@code ipco} and {@code ipma}. */
  Optional<IsoBox> property(long item, String type) {
    Optional<IsoBox> iprp = IsoBox.first(meta, "iprp");
    if (iprp.isEmpty()) {
      return Optional.empty();
    }
    List<IsoBox> children = iprp.get().children(file, 0);
    List<IsoBox> properties =
        IsoBox.first(children, "ipco").map(b -> b.children(file, 0)).orElse(List.of());
    for (IsoBox ipma : children) {
      if (!ipma.type().equals("ipma")) {
        continue;
      }
      boolean wideIds = ipma.version(file) >= 1;
      boolean wideIndexes = (ipma.flags(file) & 1) != 0;
      int at = ipma.content() + 4;
      long entries = BigEndian.u32(file, at);
      at += 4;
      for (long i = 0; i < entries; i++) {
        long id = wideIds ? BigEndian.u32(file, at) : BigEndian.u16(file, at);
        at += wideIds ? 4 : 2;
        int associations = BigEndian.u8(file, at++);
        for (int a = 0; a < associations; a++) {
          int index = wideIndexes ? BigEndian.u16(file, at) & 0x7FFF : BigEndian.u8(file, at) & 0x7F;
          at += wideIndexes ? 2 : 1;
          if (id == item && index >= 1 && index <= properties.size()
              && properties.get(index - 1).type().equals(type)) {
            return Optional.of(properties.get(index - 1));
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean isMetadata(IsoBox infe) {
    int version = infe.version(file);
    int at = infe.content() + 4 + (version == 3 ? 4 : 2) + 2; // item id, protection index
    if (version >= 2) {
      BigEndian.require(file, at, 4);
      String itemType = new String(file, at, 4, StandardCharsets.ISO_8859_1);
      if (itemType.equals("Exif")) {
        return true;
      }
      if (!itemType.equals("mime")) {
        return false;
      }
      at += 4;
    }
    int contentType = skipString(at, infe.end()); // item name
    return string(contentType, infe.end()).equalsIgnoreCase(XMP_MIME);
  }

  private long itemId(IsoBox infe) {
    int at = infe.content() + 4;
    return infe.version(file) == 3 ? BigEndian.u32(file, at) : BigEndian.u16(file, at);
  }

  /** Where offsets of a construction method count from: the file, or the {@code idat} box. */
  private long origin(int method) {
    if (method == 0) {
      return 0;
    }
    if (method == 1) {
      return box("idat").content();
    }
    // Method 2 builds items from other items; metadata stored so cannot be located safely.
    throw new BrokenImage("stores its metadata in a form (construction method " + method
        + ") this server cannot clean");
  }

  private IsoBox box(String type) {
    return IsoBox.first(meta, type).orElseThrow(() -> new BrokenImage("has no '" + type + "' box"));
  }

  private int skipString(int at, int end) {
    int i = at;
    while (i < end && file[i] != 0) {
      i++;
    }
    return i + 1;
  }

  private String string(int at, int end) {
    int stop = Math.min(skipString(at, end) - 1, end);
    return at >= stop ? "" : new String(file, at, stop - at, StandardCharsets.UTF_8);
  }
}
