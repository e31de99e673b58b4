package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PngFormatTest {
  private final PngFormat format = new PngFormat();

  @Test
  void strippingRemovesExifTextAndTimeChunksAndTheImageStillDecodes() {
    byte[] exif = Bytes.slice(ExifSegment.withGps(0), 10, ExifSegment.withGps(0).length); // TIFF only
    byte[] photo = PngChunks.afterHeader(SamplePhotos.png(200, 150),
        PngChunks.chunk("eXIf", exif),
        PngChunks.chunk("tEXt", Bytes.ascii("Comment\0taken at 51.5N 0.1W")),
        PngChunks.chunk("zTXt", Bytes.ascii("Author\0\0xx")),
        PngChunks.chunk("iTXt", Bytes.ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>")),
        PngChunks.chunk("tIME", new byte[] {0x07, (byte) 0xE9, 5, 17, 12, 0, 0}),
        PngChunks.chunk("gAMA", Bytes.u32be(45455)));
    assertThat(PngChunks.typesCheckingCrc(photo)).contains("eXIf", "tEXt");

    byte[] clean = format.withoutMetadata(photo);

    assertThat(PngChunks.typesCheckingCrc(clean))
        .doesNotContain("eXIf", "tEXt", "zTXt", "iTXt", "tIME")
        .contains("IHDR", "gAMA", "IDAT", "IEND");
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii("51.5N"))).isFalse();
    BufferedImage decoded = SamplePhotos.decode(clean);
    assertThat(decoded.getWidth()).isEqualTo(200);
    assertThat(decoded.getHeight()).isEqualTo(150);
  }

  @Test
  void privateAncillaryChunksAndBytesAfterTheEndAreDropped() {
    byte[] plain = SamplePhotos.png(40, 30);
    byte[] photo = Bytes.concat(
        PngChunks.afterHeader(plain, PngChunks.chunk("caBX", Bytes.ascii("content credentials: Main St"))),
        Bytes.ascii("trailing"));

    assertThat(format.withoutMetadata(photo)).isEqualTo(plain);
  }

  @Test
  void theSizeIsReadFromTheHeaderChunk() {
    assertThat(format.dimensions(SamplePhotos.png(321, 7))).isEqualTo(new Dimensions(321, 7));
  }

  @Test
  void aPngWithoutItsEndIsBroken() {
    byte[] photo = SamplePhotos.png(40, 30);

    assertThatThrownBy(() -> format.withoutMetadata(Bytes.slice(photo, 0, photo.length - 12)))
        .isInstanceOf(BrokenImage.class);
  }
}
