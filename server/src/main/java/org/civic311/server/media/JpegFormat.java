package org.civic311.server.media;

import java.io.ByteArrayOutputStream;

/**
 * JPEG files. Metadata is removed by keeping a list of segments a decoder needs and dropping
 * every other: APP1 (EXIF with GPS, XMP), COM, APP13 (IPTC), APP2 other than ICC (MPF, whose
 * extra images follow EOI and carry EXIF of their own), and everything after EOI. Only the EXIF
 * orientation survives, see {@link ExifOrientation}.
 */
final class JpegFormat implements ImageFormat {
  private static final int APP0 = 0xE0;
  private static final int APP1 = 0xE1;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;

  @Override
  public boolean recognises(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
  }

  @Override
  public Dimensions dimensions(byte[] image) {
    JpegSegments segments = new JpegSegments(image);
    while (true) {
      int marker = segments.next();
      if (isStartOfFrame(marker)) {
        int p = segments.payload();
        int height = BigEndian.u16(image, p + 1);
        int width = BigEndian.u16(image, p + 3);
        if (width == 0 || height == 0) {
          // Height 0 means "given later in a DNL segment": legal, rare, and unbounded until then.
          throw new BrokenImage("declares no size in its frame header");
        }
        return new Dimensions(width, height);
      }
      if (marker == JpegSegments.SOS || marker == JpegSegments.EOI) {
        throw new BrokenImage("has no frame header before its image data");
      }
    }
  }

  @Override
  public byte[] withoutMetadata(byte[] image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(image.length);
    out.write(0xFF);
    out.write(JpegSegments.SOI);
    JpegSegments segments = new JpegSegments(image);
    boolean orientationKept = false;
    while (true) {
      int marker = segments.next();
      if (marker == JpegSegments.EOI) {
        out.write(0xFF);
        out.write(JpegSegments.EOI);
        return out.toByteArray();
      }
      if (isNeeded(marker, segments)) {
        out.write(image, segments.start(), segments.end() - segments.start());
      } else if (marker == APP1 && ExifOrientation.isExif(segments) && !orientationKept) {
        int orientation = ExifOrientation.read(image, segments.payload(), segments.payloadLength());
        if (orientation != 1) {
          out.writeBytes(ExifOrientation.segment(orientation));
        }
        orientationKept = true;
      }
      if (marker == JpegSegments.SOS) {
        int scan = segments.end();
        segments.skipScan();
        out.write(image, scan, segments.end() - scan);
      }
    }
  }

  @Override
  public int orientation(byte[] image) {
    JpegSegments segments = new JpegSegments(image);
    while (true) {
      int marker = segments.next();
      if (marker == APP1 && ExifOrientation.isExif(segments)) {
        return ExifOrientation.read(image, segments.payload(), segments.payloadLength());
      }
      if (marker == JpegSegments.SOS || marker == JpegSegments.EOI) {
        return 1;
      }
    }
  }

  /** SOF0 to SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  private static boolean isNeeded(int marker, JpegSegments segment) {
    if (marker >= 0xC0 && marker <= 0xCF) {
      return true; // frame headers, Huffman and arithmetic coding tables
    }
    if (marker >= 0xD0 && marker <= 0xD7 || marker >= 0xDA && marker <= 0xDF) {
      return true; // restart markers, SOS, DQT, DNL, DRI, DHP, EXP
    }
    if (marker == APP0) {
      return segment.payloadStartsWith("JFIF\0");
    }
    if (marker == APP2) {
      return segment.payloadStartsWith("ICC_PROFILE\0");
    }
    if (marker == APP14) {
      return segment.payloadStartsWith("Adobe");
    }
    return false;
  }
}
