package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WebpFormatTest {
  private final WebpFormat format = new WebpFormat();

  @Test
  void strippingDropsExifAndXmpChunksClearsTheirFlagsAndFixesTheRiffSize() {
    byte[] photo = SampleWebp.extended(300, 200, true, true);
    assertThat(photo[20] & 0x0C).isEqualTo(0x0C);

    byte[] clean = format.withoutMetadata(photo);

    assertThat(Bytes.contains(clean, Bytes.ascii("EXIF"))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii("XMP "))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii("GPS"))).isFalse();
    assertThat(clean[20] & 0x0C).as("EXIF and XMP flags of VP8X").isZero();
    assertThat(LittleEndian.u32(clean, 4)).isEqualTo(clean.length - 8L);
    assertThat(clean).isEqualTo(SampleWebp.extended(300, 200, false, false));
  }

  @Test
  void theStrippedFileStillDecodesAtTheSameSize() {
    byte[] clean = format.withoutMetadata(SampleWebp.extended(60, 40, true, false));

    BufferedImage decoded = SamplePhotos.decode(clean);
    assertThat(decoded.getWidth()).isEqualTo(60);
    assertThat(decoded.getHeight()).isEqualTo(40);
    assertThat(decoded.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x2080C0);
  }

  @Test
  void unknownChunksAndBytesAfterTheRiffDataAreDropped() {
    byte[] plain = SampleWebp.lossless(30, 20);
    byte[] image = Bytes.slice(plain, 12, plain.length);
    byte[] photo = Bytes.concat(SampleWebp.riff(image, SampleWebp.chunk("LOCN", Bytes.ascii("51.5N"))),
        Bytes.ascii("trailing"));

    assertThat(format.withoutMetadata(photo)).isEqualTo(plain);
  }

  @Test
  void theSizeIsReadFromTheLosslessHeaderOrTheCanvas() {
    assertThat(format.dimensions(SampleWebp.lossless(1000, 3))).isEqualTo(new Dimensions(1000, 3));
    assertThat(format.dimensions(SampleWebp.extended(16000, 12000, false, false)))
        .isEqualTo(new Dimensions(16000, 12000));
  }

  @Test
  void aFrameLargerThanItsCanvasIsRefused() {
    byte[] sneaky = SampleWebp.extended(10, 10, 16000, 16000, false, false);

    assertThatThrownBy(() -> format.dimensions(sneaky))
        .isInstanceOf(BrokenImage.class).hasMessageContaining("larger than its canvas");
  }

  @Test
  void aChunkRunningPastTheEndIsBroken() {
    byte[] photo = SampleWebp.lossless(30, 20);
    byte[] cut = Bytes.slice(photo, 0, photo.length - 4);
    System.arraycopy(Bytes.u32le(cut.length - 8), 0, cut, 4, 4);

    assertThatThrownBy(() -> format.withoutMetadata(cut)).isInstanceOf(BrokenImage.class);
  }
}
