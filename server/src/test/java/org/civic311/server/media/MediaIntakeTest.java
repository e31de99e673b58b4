package org.civic311.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaIntakeTest {
  @TempDir
  Path directory;
  private FileMediaStore store;
  private MediaIntake intake;

  @BeforeEach
  void start() {
    store = new FileMediaStore(directory);
    intake = new MediaIntake(MediaLimits.DEFAULT, store);
  }

  @Test
  void aJpegWithGpsIsStoredWithoutItAndWithAThumbnail() throws Exception {
    byte[] photo = SamplePhotos.withSegmentAfterSoi(SamplePhotos.jpeg(1200, 800), ExifSegment.withGps(0));

    MediaIntake.Accepted accepted = intake.accept("media", photo);

    assertThat(accepted.type()).isEqualTo(MediaType.JPEG);
    assertThat(accepted.width()).isEqualTo(1200);
    assertThat(accepted.height()).isEqualTo(800);
    assertThat(MediaKey.isValid(accepted.key())).isTrue();
    byte[] stored = read(accepted.key());
    assertThat(Bytes.contains(stored, Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(SamplePhotos.decode(stored).getWidth()).isEqualTo(1200);
    BufferedImage thumbnail = SamplePhotos.decode(read(accepted.thumbnailKey().orElseThrow()));
    assertThat(thumbnail.getWidth()).isEqualTo(320);
    assertThat(thumbnail.getHeight()).isEqualTo(213);
  }

  @Test
  void thumbnailsFitIn320PixelsAndKeepTheAspect() throws Exception {
    assertThat(thumbnailSize(SamplePhotos.jpeg(600, 1200))).containsExactly(160, 320);
    assertThat(thumbnailSize(SamplePhotos.png(4000, 1000))).containsExactly(320, 80);
    assertThat(thumbnailSize(SamplePhotos.jpeg(321, 321))).containsExactly(320, 320);
    assertThat(thumbnailSize(SamplePhotos.png(100, 50))).as("never enlarged").containsExactly(100, 50);
  }

  @Test
  void aWebpIsCleanedAndThumbnailedThroughItsDecoder() throws Exception {
    MediaIntake.Accepted accepted = intake.accept("media", SampleWebp.extended(1000, 500, true, true));

    assertThat(accepted.type()).isEqualTo(MediaType.WEBP);
    assertThat(Bytes.contains(read(accepted.key()), Bytes.ascii("GPS"))).isFalse();
    BufferedImage thumbnail = SamplePhotos.decode(read(accepted.thumbnailKey().orElseThrow()));
    assertThat(thumbnail.getWidth()).isEqualTo(320);
    assertThat(thumbnail.getHeight()).isEqualTo(160);
    assertThat(new Color(thumbnail.getRGB(100, 100)).getBlue()).isGreaterThan(150);
  }

  @Test
  void aLosslessWebpWhosePixelsCostNoBitsIsThumbnailedQuickly() throws Exception {
    byte[] photo = SampleWebp.lossless(4000, 2500);
    assertThat(photo.length).isLessThan(100);

    MediaIntake.Accepted accepted =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> intake.accept("media", photo));

    assertThat(accepted.thumbnailKey()).isPresent();
  }

  @Test
  void aPhotoNoDecoderCanReadIsStoredWithoutAThumbnail() throws Exception {
    byte[] png = SamplePhotos.png(60, 40);
    int idat = Bytes.indexOf(png, Bytes.ascii("IDAT")) - 4;
    int length = (int) BigEndian.u32(png, idat);
    byte[] garbage = new byte[length];
    new Random(1).nextBytes(garbage);
    byte[] broken = Bytes.concat(Bytes.slice(png, 0, idat), PngChunks.chunk("IDAT", garbage),
        Bytes.slice(png, idat + 12 + length, png.length));

    MediaIntake.Accepted accepted = intake.accept("media", broken);

    assertThat(accepted.thumbnailKey()).isEmpty();
    assertThat(store.get(accepted.key())).isPresent();
  }

  @Test
  void aHeicIsStoredCleanWithItsSizeButWithoutAThumbnail() throws Exception {
    MediaIntake.Accepted accepted = intake.accept("media", SampleHeif.build(4032, 3024, 0, false));

    assertThat(accepted.type()).isEqualTo(MediaType.HEIC);
    assertThat(accepted.width()).isEqualTo(4032);
    assertThat(accepted.height()).isEqualTo(3024);
    assertThat(accepted.thumbnailKey()).isEmpty();
    assertThat(Bytes.contains(read(accepted.key()), Bytes.ascii(ExifSegment.MAP_DATUM))).isFalse();
    assertThat(store.get(accepted.key()).orElseThrow().type()).isEqualTo(MediaType.HEIC);
  }

  @Test
  void aSidewaysPhonePhotoIsReportedAndThumbnailedUpright() throws Exception {
    BufferedImage sideways = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sideways.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, 400, 300);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 100); // top left as stored; top right once turned a quarter clockwise
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(sideways, "jpeg", jpeg);
    byte[] photo = SamplePhotos.withSegmentAfterSoi(jpeg.toByteArray(), ExifSegment.withGps(6));

    MediaIntake.Accepted accepted = intake.accept("media", photo);

    assertThat(accepted.width()).isEqualTo(300);
    assertThat(accepted.height()).isEqualTo(400);
    BufferedImage thumbnail = SamplePhotos.decode(read(accepted.thumbnailKey().orElseThrow()));
    assertThat(thumbnail.getWidth()).isEqualTo(240);
    assertThat(thumbnail.getHeight()).isEqualTo(320);
    assertThat(new Color(thumbnail.getRGB(230, 10)).getRed()).as("top right").isGreaterThan(200);
    assertThat(new Color(thumbnail.getRGB(10, 10)).getRed()).as("top left").isLessThan(60);
  }

  @Test
  void anHtmlPageNamedPhotoJpgIsRefusedAsHtml(@TempDir Path uploads) throws Exception {
    Path file = uploads.resolve("photo.jpg");
    Files.writeString(file, "<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>");

    MediaRejected rejected = refusal("media", Files.readAllBytes(file));

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.UNSUPPORTED_TYPE);
    assertThat(rejected.partName()).isEqualTo("media");
    assertThat(rejected).hasMessage("media is not a JPEG, PNG, WebP or HEIC image (it looks like HTML)");
  }

  @Test
  void aZipArchiveIsRefusedAsOne() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("photo.jpg"));
      out.write(SamplePhotos.jpeg(20, 10));
      out.closeEntry();
    }

    MediaRejected rejected = refusal("attachment", zip.toByteArray());

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.UNSUPPORTED_TYPE);
    assertThat(rejected).hasMessageContaining("attachment").hasMessageContaining("a ZIP archive");
  }

  @Test
  void aTinyPngDeclaring100000By100000PixelsIsRefusedWithoutDecoding() throws Exception {
    byte[] bomb = pngDeclaring(100_000, 100_000);
    assertThat(bomb.length).isLessThan(100);

    MediaRejected rejected = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refusal("media", bomb));

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.TOO_LARGE);
    assertThat(rejected).hasMessageContaining("media is 100000 x 100000 pixels");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aJpegWhoseFrameDeclares60000By60000PixelsIsRefusedWithoutDecoding() throws Exception {
    byte[] bomb = SamplePhotos.jpeg(64, 48);
    int sof = Bytes.indexOf(bomb, new byte[] {(byte) 0xFF, (byte) 0xC0});
    System.arraycopy(Bytes.concat(Bytes.u16be(60_000), Bytes.u16be(60_000)), 0, bomb, sof + 5, 4);

    MediaRejected rejected = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refusal("media", bomb));

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.TOO_LARGE);
    assertThat(rejected).hasMessageContaining("60000 x 60000");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aSideLongerThan20000PixelsIsTooLargeWhateverThePixelLimit() {
    MediaIntake generous = new MediaIntake(new MediaLimits(1 << 20, 5, Integer.MAX_VALUE), store);

    assertThatThrownBy(() -> generous.accept("panorama", pngDeclaring(20_001, 1)))
        .isInstanceOf(MediaRejected.class)
        .hasFieldOrPropertyWithValue("reason", MediaRejected.Reason.TOO_LARGE);
  }

  @Test
  void aPhotoWithMorePixelsThanConfiguredIsTooLarge() {
    MediaIntake strict = new MediaIntake(new MediaLimits(1 << 20, 5, 1000), store);

    assertThatThrownBy(() -> strict.accept("media", SamplePhotos.jpeg(50, 50)))
        .isInstanceOf(MediaRejected.class)
        .hasFieldOrPropertyWithValue("reason", MediaRejected.Reason.TOO_LARGE);
    assertThat(strict.accept("media", SamplePhotos.jpeg(40, 25)).width()).isEqualTo(40);
  }

  @Test
  void aThirtyMegabyteRandomPayloadIsRefusedAsTooLarge() {
    byte[] payload = new byte[30 * 1024 * 1024];
    new Random(311).nextBytes(payload);

    MediaRejected rejected = refusal("media", payload);

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.TOO_LARGE);
    assertThat(rejected).hasMessageContaining("media is 31,457,280 bytes");
  }

  @Test
  void anEmptyPartIsRefused() {
    MediaRejected rejected = refusal("media", new byte[0]);

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.UNSUPPORTED_TYPE);
    assertThat(rejected).hasMessage("media is empty");
  }

  @Test
  void aDamagedImageIsRefusedAsDamaged() {
    byte[] photo = SamplePhotos.jpeg(64, 48);

    MediaRejected rejected = refusal("media", Bytes.slice(photo, 0, photo.length - 40));

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.DAMAGED);
    assertThat(rejected).hasMessageStartingWith("media is a damaged JPEG image: it ");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void moreFilesThanTheLimitAreRefusedNamingTheFirstOneTooMany() {
    MediaIntake two = new MediaIntake(new MediaLimits(1 << 20, 2, 1000), store);
    two.checkCount(List.of("media1", "media2"));

    MediaRejected rejected = catchThrowableOfType(MediaRejected.class,
        () -> two.checkCount(List.of("media1", "media2", "media3", "media4")));

    assertThat(rejected.reason()).isEqualTo(MediaRejected.Reason.TOO_MANY_FILES);
    assertThat(rejected.partName()).isEqualTo("media3");
  }

  @Test
  void limitsThatAreNotPositiveAreRefusedAtStartUp() {
    assertThatThrownBy(() -> new MediaLimits(0, 5, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaLimits(10, -1, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaLimits(10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSamePhotoSentTwiceIsStoredOnce() throws Exception {
    byte[] photo = SamplePhotos.png(300, 200);

    MediaIntake.Accepted first = intake.accept("media1", photo);
    MediaIntake.Accepted second = intake.accept("media2", photo);

    assertThat(second).isEqualTo(first);
    assertThat(storedFiles()).hasSize(2); // the photo and its thumbnail
  }

  private int[] thumbnailSize(byte[] photo) throws Exception {
    String key = intake.accept("media", photo).thumbnailKey().orElseThrow();
    BufferedImage thumbnail = SamplePhotos.decode(read(key));
    return new int[] {thumbnail.getWidth(), thumbnail.getHeight()};
  }

  private MediaRejected refusal(String part, byte[] bytes) {
    MediaRejected rejected = catchThrowableOfType(MediaRejected.class, () -> intake.accept(part, bytes));
    assertThat(rejected).as("refused").isNotNull();
    return rejected;
  }

  private byte[] read(String key) throws Exception {
    try (InputStream in = store.open(key).orElseThrow()) {
      return in.readAllBytes();
    }
  }

  private List<Path> storedFiles() {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A valid PNG whose header declares this size, with a few bytes of compressed data. */
  private static byte[] pngDeclaring(int width, int height) {
    byte[] header = Bytes.concat(Bytes.u32be(width), Bytes.u32be(height), new byte[] {8, 2, 0, 0, 0});
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[1024]);
    deflater.finish();
    byte[] data = new byte[64];
    int length = deflater.deflate(data);
    return Bytes.concat(Bytes.slice(SamplePhotos.png(1, 1), 0, 8), PngChunks.chunk("IHDR", header),
        PngChunks.chunk("IDAT", Bytes.slice(data, 0, length)), PngChunks.chunk("IEND", new byte[0]));
  }
}
