package org.civic311.server.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaTypeTest {

  @Test
  void eachAcceptedTypeIsRecognisedByItsBytes() {
    assertThat(MediaType.detect(SamplePhotos.jpeg(20, 10))).contains(MediaType.JPEG);
    assertThat(MediaType.detect(SamplePhotos.png(20, 10))).contains(MediaType.PNG);
    assertThat(MediaType.detect(SampleWebp.lossless(20, 10))).contains(MediaType.WEBP);
    assertThat(MediaType.detect(SampleHeif.build(20, 10, 0, false))).contains(MediaType.HEIC);
  }

  @Test
  void aJpegRenamedPngIsStillAJpeg(@TempDir Path dir) throws Exception {
    Path renamed = dir.resolve("photo.png");
    Files.write(renamed, SamplePhotos.jpeg(20, 10));

    assertThat(MediaType.detect(Files.readAllBytes(renamed))).contains(MediaType.JPEG);
  }

  @Test
  void everyHeifStillImageBrandIsRecognised() {
    for (String brand : new String[] {"heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis"}) {
      byte[] ftyp = SampleHeif.box("ftyp", Bytes.ascii(brand), Bytes.u32be(0), Bytes.ascii("mif1"));
      assertThat(MediaType.detect(ftyp)).as(brand).contains(MediaType.HEIC);
    }
  }

  @Test
  void avifVideoAndTruncatedSignaturesAreNotImagesWeAccept() {
    byte[] avif = SampleHeif.box("ftyp", Bytes.ascii("avif"), Bytes.u32be(0), Bytes.ascii("mif1avif"));
    byte[] mp4 = SampleHeif.box("ftyp", Bytes.ascii("isom"), Bytes.u32be(0), Bytes.ascii("isomavc1"));

    assertThat(MediaType.detect(avif)).isEmpty();
    assertThat(MediaType.detect(mp4)).isEmpty();
    assertThat(MediaType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(MediaType.detect(Bytes.ascii("RIFF\0\0\0\0WAVE"))).isEmpty();
    assertThat(MediaType.detect(new byte[0])).isEmpty();
  }

  @Test
  void typesNameTheirContentTypeAndExtension() {
    assertThat(MediaType.JPEG.mimeType()).isEqualTo("image/jpeg");
    assertThat(MediaType.JPEG.extension()).isEqualTo("jpg");
    assertThat(MediaType.WEBP.mimeType()).isEqualTo("image/webp");
    assertThat(MediaType.HEIC.extension()).isEqualTo("heic");
  }

  @Test
  void unknownContentIsDescribedByWhatItLooksLike() {
    assertThat(UnknownContent.describe("\uFEFF  <!DOCTYPE html><html>".getBytes(UTF_8))).isEqualTo("HTML");
    assertThat(UnknownContent.describe(Bytes.ascii("<HTML><body>"))).isEqualTo("HTML");
    assertThat(UnknownContent.describe(Bytes.ascii("PK\u0003\u0004\u0014\0\0\0"))).isEqualTo("a ZIP archive");
    assertThat(UnknownContent.describe(Bytes.ascii("%PDF-1.7\n"))).isEqualTo("a PDF");
    assertThat(UnknownContent.describe(Bytes.ascii("GIF89a\u0001\0"))).isEqualTo("a GIF image");
    assertThat(UnknownContent.describe(Bytes.ascii("<?xml version='1.0'?><svg/>"))).isEqualTo("an SVG drawing");
    assertThat(UnknownContent.describe(Bytes.ascii("hello, world\n"))).isEqualTo("plain text");
    assertThat(UnknownContent.describe(new byte[] {0, 1, 2, (byte) 0xFE})).isEqualTo("unrecognised binary data");
  }
}
