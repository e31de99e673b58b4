package org.civic311.server.media;

import java.io.ByteArrayOutputStream;

/**
 * A HEIC file built by hand the way phones lay one out: {@code ftyp}, a {@code meta} box listing a
 * primary image item, an EXIF item and an XMP item with their locations, the primary's size and
 * rotation as properties, then {@code mdat}. The coded picture is filler bytes, so this tests the
 * container only. With {@code xmpInIdat} the XMP lives in the meta box's {@code idat}, located by
 * construction method 1, which needs {@code iloc} version 1.
 */
final class SampleHeif {
  static final byte[] PICTURE = filler(200, (byte) 0xAB);
  static final byte[] XMP = Bytes.ascii("<x:xmpmeta><exif:GPSLatitude>51,30.2N</exif:GPSLatitude></x:xmpmeta>");

  private SampleHeif() {
  }

  /** The file; {@code turns} is the {@code irot} angle in quarter turns anticlockwise. */
  static byte[] build(int width, int height, int turns, boolean xmpInIdat) {
    byte[] exif = Bytes.concat(Bytes.u32be(0), Bytes.slice(ExifSegment.withGps(0), 4, ExifSegment.withGps(0).length));
    byte[] ftyp = box("ftyp", Bytes.ascii("heic"), Bytes.u32be(0), Bytes.ascii("mif1heic"));
    byte[] draft = meta(width, height, turns, xmpInIdat, exif, 0);
    int mdatContent = ftyp.length + draft.length + 8;
    byte[] meta = meta(width, height, turns, xmpInIdat, exif, mdatContent);
    byte[] mdat = xmpInIdat ? box("mdat", PICTURE, exif) : box("mdat", PICTURE, exif, XMP);
    return Bytes.concat(ftyp, meta, mdat);
  }

  private static byte[] meta(int width, int height, int turns, boolean xmpInIdat, byte[] exif, int mdat) {
    int version = xmpInIdat ? 1 : 0;
    ByteArrayOutputStream iloc = new ByteArrayOutputStream();
    iloc.writeBytes(new byte[] {0x44, 0x00}); // offsets and lengths of 4 bytes, no base offset
    iloc.writeBytes(Bytes.u16be(3));
    iloc.writeBytes(location(version, 1, 0, mdat, PICTURE.length));
    iloc.writeBytes(location(version, 2, 0, mdat + PICTURE.length, exif.length));
    iloc.writeBytes(xmpInIdat ? location(version, 3, 1, 0, XMP.length)
        : location(version, 3, 0, mdat + PICTURE.length + exif.length, XMP.length));

    byte[] iinf = fullBox("iinf", 0, Bytes.u16be(3),
        fullBox("infe", 2, Bytes.u16be(1), Bytes.u16be(0), Bytes.ascii("hvc1\0")),
        fullBox("infe", 2, Bytes.u16be(2), Bytes.u16be(0), Bytes.ascii("Exif\0")),
        fullBox("infe", 2, Bytes.u16be(3), Bytes.u16be(0), Bytes.ascii("mime\0application/rdf+xml\0")));
    byte[] ipco = box("ipco",
        fullBox("ispe", 0, Bytes.u32be(width), Bytes.u32be(height)),
        box("irot", new byte[] {(byte) turns}));
    byte[] ipma = fullBox("ipma", 0, Bytes.u32be(1), Bytes.u16be(1), new byte[] {2, (byte) 0x81, (byte) 0x82});
    return fullBox("meta", 0,
        fullBox("hdlr", 0, Bytes.u32be(0), Bytes.ascii("pict"), new byte[13]),
        fullBox("pitm", 0, Bytes.u16be(1)),
        fullBox("iloc", version, iloc.toByteArray()),
        iinf,
        box("iprp", ipco, ipma),
        xmpInIdat ? box("idat", XMP) : new byte[0]);
  }

  private static byte[] location(int version, int item, int method, int offset, int length) {
    return Bytes.concat(Bytes.u16be(item), version == 1 ? Bytes.u16be(method) : new byte[0],
        Bytes.u16be(0), Bytes.u16be(1), Bytes.u32be(offset), Bytes.u32be(length));
  }

  static byte[] box(String type, byte[]... content) {
    byte[] body = Bytes.concat(content);
    return Bytes.concat(Bytes.u32be(8 + body.length), Bytes.ascii(type), body);
  }

  static byte[] fullBox(String type, int version, byte[]... content) {
    return box(type, new byte[] {(byte) version, 0, 0, 0}, Bytes.concat(content));
  }

  private static byte[] filler(int length, byte value) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, value);
    return b;
  }
}
