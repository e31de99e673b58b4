package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.civic311.server.config.TrafficSettings;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients, crowds of sockets from one address and upload floods, through the front door on
 * a real server: none of them stops it from answering others.
 */
class HostileTrafficHttpTest {
  static final String API = Http.API;

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().maxBodyBytes(64 * 1024)
      .traffic(new TrafficSettings(60, 3, 2, 30, 1)));

  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // already gone
      }
    }
    sockets.clear();
  }

  /** A connection from {@code 127.0.0.n} (every 127/8 address is this machine on Linux). */
  private Socket connect(int n) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + n), 0));
    s.connect(new InetSocketAddress("127.0.0.1", server.http().port()), 5_000);
    s.setSoTimeout(10_000);
    sockets.add(s);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String readAll(Socket s) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      int n;
      while ((n = in.read(buf)) >= 0) {
        all.write(buf, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived is the answer
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  private static String slowPost(String path, String type, int length) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\nContent-Length: " + length
        + "\r\n\r\nab";
  }

  @Test
  void bodiesTrickledOnMoreConnectionsThanThereAreThreadsHoldNoThread() throws Exception {
    // 240 bodies that never finish, from four addresses (60 each, the cap): more than the 200
    // threads of the pool, which blocking reads would all hold.
    for (int n = 2; n <= 5; n++) {
      for (int i = 0; i < 60; i++) {
        send(connect(n), slowPost(API + "/requests.json", "application/x-www-form-urlencoded", 1000));
      }
    }
    long start = System.nanoTime();
    Answer services = server.http().get(API + "/services.json");
    assertThat(services.status()).isEqualTo(200);
    assertThat(server.http().get("/").status()).isEqualTo(200);
    Answer post = server.http().postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY,
        "service_code", "POT", "address_string", "1 Busy St"));
    assertThat(post.status()).as(post.text()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms for three calls beside 240 slow bodies")
        .isLessThan(5_000);
    // The body deadline (2 s here) answers each slow body 408 and closes its connection.
    String answer = readAll(sockets.get(0));
    assertThat(answer).startsWith("HTTP/1.1 408").contains("did not arrive within");
  }

  @Test
  void oneAddressCannotHoldMoreThanItsShareOfConnections() throws Exception {
    List<Socket> mine = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      Socket s = connect(9);
      mine.add(s);
      try {
        send(s, "GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n");
      } catch (IOException e) {
        // closed already
      }
    }
    int answered = 0;
    for (Socket s : mine) {
      s.setSoTimeout(3_000);
      byte[] status = new byte[12];
      try {
        if (s.getInputStream().readNBytes(status, 0, 12) == 12
            && new String(status, StandardCharsets.ISO_8859_1).equals("HTTP/1.1 200")) {
          answered++;
        }
      } catch (IOException e) {
        // closed by the server
      }
    }
    assertThat(answered).as("connections answered of 70 from one address, cap 60").isEqualTo(60);
    // Another address is not affected.
    Socket other = connect(10);
    send(other, "GET " + API + "/services.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(readAll(other)).startsWith("HTTP/1.1 200");
  }

  @Test
  void aConnectionThatNeverFinishesItsHeadersIsDropped() throws Exception {
    Socket s = connect(11);
    send(s, "GET " + API + "/services.xml HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    long start = System.nanoTime();
    String answer = readAll(s);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(answer).doesNotStartWith("HTTP/1.1 200");
    assertThat(ms).as("ms until the server closed it (header deadline 3 s)").isBetween(1_000L, 9_000L);
  }

  @Test
  void uploadsBeyondTheOnesInFlightAre503WithRetryAfterBeforeTheirBodyIsRead() throws Exception {
    // One multipart body in flight (the limit here) that is still arriving.
    Socket slow = connect(12);
    send(slow, slowPost(API + "/requests.json", "multipart/form-data; boundary=xyz", 5000)
        + "\r\n--xyz\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nslow");
    Thread.sleep(200);
    String boundary = "door";
    byte[] body = multipart(boundary, SamplePhotos.jpeg(640, 480));
    Answer busy = server.http().send(HttpRequest.newBuilder(server.http().uri(API + "/requests.json"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(busy.status()).as(busy.text()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).isPresent();
    assertThat(busy.json().get(0).get("description").asText()).contains("uploads");
    // A form body needs no upload slot.
    assertThat(server.http().postForm(API + "/requests.json", Http.form("api_key", TestConfig.KEY,
        "service_code", "POT", "address_string", "2 Busy St")).status()).isEqualTo(200);
    // Once the slow one is over (408 at its deadline), the slot is free again.
    assertThat(readAll(slow)).startsWith("HTTP/1.1 408");
    Answer ok = server.http().send(HttpRequest.newBuilder(server.http().uri(API + "/requests.json"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.json().get(0).get("service_request_id").asText()).isNotEmpty();
    // The photo waited on disk while the body arrived; nothing of it is left there.
    assertThat(spooled()).isEmpty();
  }

  @Test
  void whatCanBeJudgedBeforeTheBodyIsAnsweredWithoutWaitingForIt() throws Exception {
    String big = "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n";
    Socket badKey = connect(13);
    send(badKey, "POST " + API + "/requests.json?api_key=wrong HTTP/1.1\r\nHost: x\r\n" + big);
    assertThat(readAll(badKey)).startsWith("HTTP/1.1 403").contains("api_key");
    Socket crossSite = connect(14);
    send(crossSite, "POST /report/POT HTTP/1.1\r\nHost: x\r\nOrigin: https://elsewhere.example\r\n" + big);
    assertThat(readAll(crossSite)).startsWith("HTTP/1.1 403");
    Socket wrongType = connect(15);
    send(wrongType, "POST " + API + "/requests.json HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 60000\r\n\r\n");
    assertThat(readAll(wrongType)).startsWith("HTTP/1.1 415");
    Socket staff = connect(16);
    send(staff, "POST /staff/keys HTTP/1.1\r\nHost: x\r\n" + big);
    assertThat(readAll(staff)).startsWith("HTTP/1.1 401");
  }

  private static List<Path> spooled() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("civic311-uploads-")).toList()) {
        try (Stream<Path> in = Files.list(d)) {
          files.addAll(in.toList());
        }
      }
    }
    return files;
  }

  private static byte[] multipart(String boundary, byte[] photo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String[] f : new String[][] {{"api_key", TestConfig.KEY}, {"service_code", "POT"},
        {"address_string", "3 Photo St"}}) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1]
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(photo);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
