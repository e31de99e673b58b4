package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeifFormatTest {
  private final HeifFormat format = new HeifFormat();

  @Test
  void exifAndXmpItemsAreZeroedInPlaceAndNothingElseChanges() {
    byte[] photo = SampleHeif.build(4032, 3024, 0, false);
    int exif = Bytes.indexOf(photo, SampleHeif.PICTURE) + SampleHeif.PICTURE.length;
    int exifEnd = Bytes.indexOf(photo, SampleHeif.XMP);
    int xmpEnd = exifEnd + SampleHeif.XMP.length;
    assertThat(exif).isPositive();

    byte[] clean = format.withoutMetadata(photo);

    assertThat(clean).hasSameSizeAs(photo);
    assertThat(Bytes.slice(clean, exif, xmpEnd)).containsOnly(0);
    assertThat(Bytes.slice(clean, 0, exif)).isEqualTo(Bytes.slice(photo, 0, exif));
    assertThat(Bytes.slice(clean, xmpEnd, clean.length)).isEqualTo(Bytes.slice(photo, xmpEnd, photo.length));
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii("GPSLatitude"))).isFalse();
    assertThat(Bytes.contains(clean, SampleHeif.PICTURE)).isTrue();
  }

  @Test
  void xmpKeptInsideTheMetaBoxIsFoundThroughItsConstructionMethod() {
    byte[] photo = SampleHeif.build(4032, 3024, 0, true);
    assertThat(Bytes.contains(photo, Bytes.ascii("GPSLatitude"))).isTrue();

    byte[] clean = format.withoutMetadata(photo);

    assertThat(clean).hasSameSizeAs(photo);
    assertThat(Bytes.contains(clean, Bytes.ascii("GPSLatitude"))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(Bytes.contains(clean, SampleHeif.PICTURE)).isTrue();
  }

  @Test
  void theSizeComesFromThePrimaryImagesSpatialExtent() {
    assertThat(format.dimensions(SampleHeif.build(4032, 3024, 0, false))).isEqualTo(new Dimensions(4032, 3024));
  }

  @Test
  void aRotationPropertyBecomesAnOrientation() {
    assertThat(format.orientation(SampleHeif.build(40, 30, 0, false))).isEqualTo(1);
    assertThat(format.orientation(SampleHeif.build(40, 30, 1, false))).isEqualTo(8);
    assertThat(format.orientation(SampleHeif.build(40, 30, 3, false))).isEqualTo(6);
  }

  @Test
  void aHeifWithoutItemsIsBroken() {
    byte[] ftypOnly = SampleHeif.box("ftyp", Bytes.ascii("heic"), Bytes.u32be(0), Bytes.ascii("mif1"));

    assertThatThrownBy(() -> format.dimensions(ftypOnly))
        .isInstanceOf(BrokenImage.class).hasMessageContaining("without still-image items");
  }
}
