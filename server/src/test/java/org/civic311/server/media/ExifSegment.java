package org.civic311.server.media;

import java.io.ByteArrayOutputStream;

/**
 * A real EXIF APP1 segment as a camera writes it: little-endian TIFF, IFD0 with the camera make,
 * optionally an orientation, and a pointer to a GPS IFD with latitude, longitude and map datum.
 */
public final class ExifSegment {
  /** Text that appears in the GPS IFD, to search for after stripping. */
  static final String MAP_DATUM = "WGS-84";
  static final String MAKE = "CivicCam";
  /** The bytes of the latitude's seconds, 1234/100, as they appear in the segment. */
  static final byte[] LATITUDE_SECONDS = Bytes.concat(Bytes.u32le(1234), Bytes.u32le(100));

  private ExifSegment() {
  }

  /** A complete APP1 segment, marker included; orientation 0 leaves the tag out. */
  public static byte[] withGps(int orientation) {
    int entries = orientation == 0 ? 2 : 3;
    int ifd0 = 8;
    int ifd0Size = 2 + 12 * entries + 4;
    int make = ifd0 + ifd0Size;
    byte[] makeBytes = Bytes.ascii(MAKE + "\0");
    int gps = make + makeBytes.length;
    int gpsEntries = 5;
    int gpsSize = 2 + 12 * gpsEntries + 4;
    int latitude = gps + gpsSize;
    int longitude = latitude + 24;
    int datum = longitude + 24;
    byte[] datumBytes = Bytes.ascii(MAP_DATUM + "\0");

    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    tiff.writeBytes(new byte[] {'I', 'I', 42, 0});
    tiff.writeBytes(Bytes.u32le(ifd0));
    tiff.writeBytes(Bytes.u16le(entries));
    tiff.writeBytes(entry(0x010F, 2, makeBytes.length, make));
    if (orientation != 0) {
      tiff.writeBytes(entry(0x0112, 3, 1, orientation));
    }
    tiff.writeBytes(entry(0x8825, 4, 1, gps));
    tiff.writeBytes(Bytes.u32le(0));
    tiff.writeBytes(makeBytes);
    tiff.writeBytes(Bytes.u16le(gpsEntries));
    tiff.writeBytes(entry(0x0001, 2, 2, 'N'));
    tiff.writeBytes(entry(0x0002, 5, 3, latitude));
    tiff.writeBytes(entry(0x0003, 2, 2, 'W'));
    tiff.writeBytes(entry(0x0004, 5, 3, longitude));
    tiff.writeBytes(entry(0x0012, 2, datumBytes.length, datum));
    tiff.writeBytes(Bytes.u32le(0));
    tiff.writeBytes(rationals(51, 1, 30, 1, 1234, 100));
    tiff.writeBytes(rationals(0, 1, 7, 1, 4321, 100));
    tiff.writeBytes(datumBytes);
    return SamplePhotos.segment(0xE1, Bytes.concat(Bytes.ascii("Exif\0\0"), tiff.toByteArray()));
  }

  private static byte[] entry(int tag, int type, int count, int value) {
    return Bytes.concat(Bytes.u16le(tag), Bytes.u16le(type), Bytes.u32le(count), Bytes.u32le(value));
  }

  private static byte[] rationals(int... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int part : parts) {
      out.writeBytes(Bytes.u32le(part));
    }
    return out.toByteArray();
  }
}
