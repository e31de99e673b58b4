package org.civic311.server.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * HEIF files, HEIC among them. EXIF and XMP are items whose bytes lie somewhere in the file, with
 * their offsets recorded in the {@code iloc} box; cutting them out would move every later offset.
 * So their bytes are overwritten with zeros in place: same length, same offsets, nothing left to
 * read. Metadata stored in a way that cannot be located exactly makes the file refused rather than
 * passed on uncleaned.
 */
final class HeifFormat implements ImageFormat {
  private static final Set<String> BRANDS =
      Set.of("heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis");

  @Override
  public boolean recognises(byte[] b) {
    if (b.length < 16 || !new String(b, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
      return false;
    }
    // The major brand decides: an AVIF file lists mif1 among its compatible brands too.
    return BigEndian.u32(b, 0) >= 16 && BRANDS.contains(new String(b, 8, 4, StandardCharsets.ISO_8859_1));
  }

  @Override
  public Dimensions dimensions(byte[] image) {
    HeifItems items = HeifItems.of(image);
    IsoBox ispe = items.property(items.primary(), "ispe")
        .orElseThrow(() -> new BrokenImage("declares no size for its primary image"));
    long width = BigEndian.u32(image, ispe.content() + 4);
    long height = BigEndian.u32(image, ispe.content() + 8);
    if (width == 0 || height == 0) {
      throw new BrokenImage("declares a size of zero");
    }
    return new Dimensions(width, height);
  }

  @Override
  public byte[] withoutMetadata(byte[] image) {
    HeifItems items = HeifItems.of(image);
    byte[] clean = image.clone();
    for (long item : items.metadataItems()) {
      for (HeifItems.Extent extent : items.extents(item)) {
        if (extent.length() == 0) {
          // A zero length means "to the end of the file", which would wipe the picture too.
          throw new BrokenImage("gives its metadata no length, so it cannot be removed safely");
        }
        BigEndian.require(image, extent.offset(), extent.length());
        Arrays.fill(clean, (int) extent.offset(), (int) (extent.offset() + extent.length()), (byte) 0);
      }
    }
    return clean;
  }

  /** The rotation of the primary image ({@code irot}, quarter turns anticlockwise) in EXIF terms. */
  @Override
  public int orientation(byte[] image) {
    HeifItems items = HeifItems.of(image);
    return items.property(items.primary(), "irot")
        .map(irot -> BigEndian.u8(image, irot.content()) & 3)
        .map(turns -> new int[] {1, 8, 3, 6}[turns])
        .orElse(1);
  }
}
