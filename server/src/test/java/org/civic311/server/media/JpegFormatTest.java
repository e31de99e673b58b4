package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class JpegFormatTest {
  private final JpegFormat format = new JpegFormat();

  @Test
  void strippingRemovesExifWithGpsAndTheImageStillDecodesAtTheSameSize() {
    byte[] photo = SamplePhotos.withSegmentAfterSoi(SamplePhotos.jpeg(640, 480), ExifSegment.withGps(0));
    assertThat(SamplePhotos.markersUpToScan(photo)).contains(0xE1);
    assertThat(Bytes.contains(photo, Bytes.ascii(ExifSegment.MAP_DATUM))).isTrue();

    byte[] clean = format.withoutMetadata(photo);

    assertThat(SamplePhotos.markersUpToScan(clean)).doesNotContain(0xE1);
    assertThat(Bytes.contains(clean, Bytes.ascii("Exif"))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAKE))).isFalse();
    assertThat(Bytes.contains(clean, ExifSegment.LATITUDE_SECONDS)).isFalse();
    BufferedImage decoded = SamplePhotos.decode(clean);
    assertThat(decoded.getWidth()).isEqualTo(640);
    assertThat(decoded.getHeight()).isEqualTo(480);
  }

  @Test
  void strippingKeepsThePixelsExactly() {
    byte[] plain = SamplePhotos.jpeg(64, 48);
    byte[] photo = SamplePhotos.withSegmentAfterSoi(plain, ExifSegment.withGps(0));

    assertThat(format.withoutMetadata(photo)).isEqualTo(plain);
  }

  @Test
  void xmpCommentsIptcAndMultiPictureSegmentsGoWhileJfifIccAndAdobeStay() {
    byte[] photo = SamplePhotos.jpeg(64, 48);
    photo = SamplePhotos.withSegmentAfterSoi(photo, SamplePhotos.segment(0xEE, Bytes.ascii("Adobe\0\144\0\0\0\0\1")));
    photo = SamplePhotos.withSegmentAfterSoi(photo, SamplePhotos.segment(0xE2, Bytes.ascii("MPF\0II*\0")));
    photo = SamplePhotos.withSegmentAfterSoi(photo, SamplePhotos.segment(0xE2, Bytes.ascii("ICC_PROFILE\0\1\1icc")));
    photo = SamplePhotos.withSegmentAfterSoi(photo, SamplePhotos.segment(0xED, Bytes.ascii("Photoshop 3.0\0city")));
    photo = SamplePhotos.withSegmentAfterSoi(photo, SamplePhotos.segment(0xFE, Bytes.ascii("shot at 51N 0W")));
    photo = SamplePhotos.withSegmentAfterSoi(photo,
        SamplePhotos.segment(0xE1, Bytes.ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS</x:xmpmeta>")));

    byte[] clean = format.withoutMetadata(photo);

    assertThat(SamplePhotos.markersUpToScan(clean)).doesNotContain(0xE1, 0xED, 0xFE).contains(0xE0, 0xEE);
    assertThat(Bytes.contains(clean, Bytes.ascii("ICC_PROFILE"))).isTrue();
    assertThat(Bytes.contains(clean, Bytes.ascii("MPF"))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii("xmpmeta"))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii("51N"))).isFalse();
  }

  @Test
  void bytesAfterTheEndOfImageAreDropped() {
    byte[] plain = SamplePhotos.jpeg(64, 48);
    byte[] photo = Bytes.concat(plain, Bytes.ascii("PK\u0003\u0004 a hidden archive with a GPS track"));

    assertThat(format.withoutMetadata(photo)).isEqualTo(plain);
  }

  @Test
  void aProgressiveJpegWithManyScansSurvivesStripping() {
    byte[] plain = SamplePhotos.progressiveJpeg(300, 200);
    byte[] photo = SamplePhotos.withSegmentAfterSoi(plain, ExifSegment.withGps(0));

    byte[] clean = format.withoutMetadata(photo);

    assertThat(clean).isEqualTo(plain);
    assertThat(SamplePhotos.decode(clean).getWidth()).isEqualTo(300);
  }

  @Test
  void anOrientationOtherThanUprightIsKeptAloneInANewExifSegment() {
    byte[] photo = SamplePhotos.withSegmentAfterSoi(SamplePhotos.jpeg(64, 48), ExifSegment.withGps(6));
    assertThat(format.orientation(photo)).isEqualTo(6);

    byte[] clean = format.withoutMetadata(photo);

    assertThat(format.orientation(clean)).isEqualTo(6);
    assertThat(SamplePhotos.markersUpToScan(clean)).containsOnlyOnce(0xE1);
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(Bytes.contains(clean, Bytes.ascii(ExifSegment.MAKE))).isFalse();
    assertThat(clean.length).isLessThan(photo.length);
    assertThat(SamplePhotos.decode(clean).getWidth()).isEqualTo(64);
  }

  @Test
  void theSizeIsReadFromTheFrameHeader() {
    assertThat(format.dimensions(SamplePhotos.jpeg(123, 45))).isEqualTo(new Dimensions(123, 45));
    assertThat(format.dimensions(SamplePhotos.progressiveJpeg(45, 123))).isEqualTo(new Dimensions(45, 123));
  }

  @Test
  void aTruncatedJpegIsBroken() {
    byte[] photo = SamplePhotos.jpeg(64, 48);
    byte[] truncated = Bytes.slice(photo, 0, photo.length / 2);

    assertThatThrownBy(() -> format.withoutMetadata(truncated))
        .isInstanceOf(BrokenImage.class).hasMessageContaining("end");
    assertThatThrownBy(() -> format.dimensions(Bytes.slice(photo, 0, 30))).isInstanceOf(BrokenImage.class);
  }
}
