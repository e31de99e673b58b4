package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ThumbnailerTest {
  private static final int W = 3;
  private static final int H = 2;

  @Test
  void uprightTurnsAndFlipsAsEachExifOrientationSays() {
    BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        stored.setRGB(x, y, colour(x, y));
      }
    }

    for (int orientation = 1; orientation <= 8; orientation++) {
      BufferedImage shown = Thumbnailer.upright(stored, orientation);
      boolean quarter = orientation >= 5;
      assertThat(shown.getWidth()).as("width for %d", orientation).isEqualTo(quarter ? H : W);
      for (int y = 0; y < shown.getHeight(); y++) {
        for (int x = 0; x < shown.getWidth(); x++) {
          int[] source = sourceOf(orientation, x, y);
          assertThat(shown.getRGB(x, y) & 0xFFFFFF)
              .as("orientation %d at %d,%d", orientation, x, y)
              .isEqualTo(colour(source[0], source[1]));
        }
      }
    }
  }

  @Test
  void aTypeWithoutADecoderGetsNoThumbnail() {
    byte[] heic = SampleHeif.build(40, 30, 0, false);

    assertThat(new Thumbnailer().thumbnail(heic, MediaType.HEIC, new Dimensions(40, 30), 1)).isEmpty();
  }

  /** Which stored pixel the EXIF definition of each orientation shows at x, y. */
  private static int[] sourceOf(int orientation, int x, int y) {
    switch (orientation) {
      case 2: return new int[] {W - 1 - x, y};
      case 3: return new int[] {W - 1 - x, H - 1 - y};
      case 4: return new int[] {x, H - 1 - y};
      case 5: return new int[] {y, x};
      case 6: return new int[] {y, H - 1 - x};
      case 7: return new int[] {W - 1 - y, H - 1 - x};
      case 8: return new int[] {W - 1 - y, x};
      default: return new int[] {x, y};
    }
  }

  private static int colour(int x, int y) {
    return (x * 80) << 16 | (y * 120) << 8 | 0x33;
  }
}
