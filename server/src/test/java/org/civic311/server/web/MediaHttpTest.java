package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.media.ExifSegment;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Photos posted with requests and updates: checked by their bytes, cleaned, stored, served. */
class MediaHttpTest {
  static final String API = Http.API;

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  /** A multipart body: text fields as name/value pairs, then files as name/filename/bytes. */
  static final class Multipart {
    final String boundary = "----civic311media";
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
      return this;
    }

    Multipart file(String name, String fileName, String type, byte[] bytes) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + type + "\r\n\r\n");
      out.writeBytes(bytes);
      write("\r\n");
      return this;
    }

    Answer post(String path) {
      write("--" + boundary + "--\r\n");
      return server.http().post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  static Multipart report() {
    return new Multipart().field("api_key", TestConfig.KEY).field("service_code", "POT")
        .field("address_string", "1 Photo St");
  }

  static HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode extended(String id) {
    return server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
  }

  @Test
  void aPhotoIsStrippedOfItsLocationStoredAndServedWithAThumbnail() throws Exception {
    byte[] photo = SamplePhotos.withSegmentAfterSoi(SamplePhotos.jpeg(1200, 800), ExifSegment.withGps(1));
    assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");
    Answer a = report().file("media", "IMG_0001.jpg", "image/jpeg", photo).post(API + "/requests.json");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    JsonNode r = extended(a.json().get(0).get("service_request_id").asText());
    String url = r.get("media_url").asText();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/media/[0-9a-f]{64}\\.jpg");
    assertThat(r.get("extended_attributes").get("media_urls").get(0).asText()).isEqualTo(url);

    HttpResponse<byte[]> served = fetch(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("GPS").doesNotContain("Exif\0\0MM\0*\0\0\0\b\0\u0002");
    BufferedImage image = SamplePhotos.decode(served.body());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(800);

    HttpResponse<byte[]> thumb = fetch(url.replace(".jpg", "-thumb.jpg"));
    assertThat(thumb.statusCode()).isEqualTo(200);
    BufferedImage small = SamplePhotos.decode(thumb.body());
    assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(320);
    assertThat(small.getWidth() * 800).isCloseTo(small.getHeight() * 1200, org.assertj.core.data.Offset.offset(1200));
  }

  @Test
  void namesDoNotMatterOnlyBytes() {
    Answer jpegNamedPng = report().file("photo1", "picture.png", "image/png", SamplePhotos.jpeg(64, 64))
        .post(API + "/requests.json");
    assertThat(jpegNamedPng.status()).as(jpegNamedPng.text()).isEqualTo(200);
    String id = jpegNamedPng.json().get(0).get("service_request_id").asText();
    assertThat(extended(id).get("media_url").asText()).endsWith(".jpg");

    byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    Answer refused = report().file("media", "photo.jpg", "image/jpeg", html).post(API + "/requests.json");
    assertThat(refused.status()).isEqualTo(415);
    assertThat(refused.json().get(0).get("description").asText()).contains("media").contains("HTML");
  }

  @Test
  void oversizedTooManyAndBombImagesAreRefused() {
    byte[] big = new byte[30 * 1024 * 1024];
    System.arraycopy(SamplePhotos.jpeg(16, 16), 0, big, 0, 100);
    assertThat(report().file("media", "big.jpg", "image/jpeg", big).post(API + "/requests.json").status())
        .isEqualTo(413);

    Multipart four = report();
    for (int i = 1; i <= 4; i++) {
      four.file("photo" + i, "p" + i + ".png", "image/png", SamplePhotos.png(8, 8));
    }
    Answer tooMany = four.post(API + "/requests.json");
    assertThat(tooMany.status()).isEqualTo(413);

    byte[] png = SamplePhotos.png(1, 1);
    // The IHDR width and height sit at bytes 16..23; claim 100000 x 100000 without the pixels.
    byte[] bomb = png.clone();
    for (int i = 16; i < 24; i++) {
      bomb[i] = 0;
    }
    bomb[17] = 0x01;
    bomb[18] = (byte) 0x86;
    bomb[19] = (byte) 0xA0;
    bomb[21] = 0x01;
    bomb[22] = (byte) 0x86;
    bomb[23] = (byte) 0xA0;
    Answer refused = report().file("media", "bomb.png", "image/png", bomb).post(API + "/requests.json");
    assertThat(refused.status()).as(refused.text()).isIn(413, 400);
  }

  @Test
  void pathTricksNeverReachTheFileSystem() throws Exception {
    String root = "http://127.0.0.1:" + server.http().port();
    for (String path : List.of("/media/../../etc/passwd", "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/media/" + "a".repeat(64) + ".jpg", "/media/C:%5Cwindows.jpg", "/media/")) {
      HttpResponse<byte[]> r = fetch(root + path);
      assertThat(r.statusCode()).as(path).isIn(400, 404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("root:");
    }
  }

  @Test
  void updatesCarryPhotosToo() {
    String id = server.http().postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY,
        "service_code", "POT", "address_string", "2 Photo St")).json().get(0).get("service_request_id").asText();
    Answer a = new Multipart().field("api_key", TestConfig.KEY).field("service_request_id", id)
        .field("update_id", "PHOTO-" + id).field("status", "FIXED").field("updated_datetime", "2026-12-01T10:00:00Z")
        .field("description", "Filled").file("media", "after.png", "image/png", SamplePhotos.png(40, 30))
        .post(API + "/servicerequestupdates.json");
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    JsonNode note = extended(id).get("notes").get(0);
    assertThat(note.get("media_url").asText()).matches(".*/media/[0-9a-f]{64}\\.png");
    List<String> statuses = new ArrayList<>();
    statuses.add(server.http().get(API + "/requests/" + id + ".json").json().get(0).get("status").asText());
    assertThat(statuses).containsExactly("closed");
  }
}
