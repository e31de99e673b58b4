package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.civic311.server.config.MirrorSettings;
import org.civic311.server.testing.ServerFixture;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;

/**
 * A source that misbehaves in turn (an HTML page, a 500, a wrong document, an endless body)
 * makes staff-visible errors, never a crash; once it answers well, the harvest goes on.
 */
class MirrorFailuresHttpTest {

  /** Answers GET services and requests as the test's turn says. */
  static final class BadSource implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger turn = new AtomicInteger();

    BadSource() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", this::answer);
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/open311/v2";
    }

    private void answer(HttpExchange x) throws IOException {
      String path = x.getRequestURI().getPath();
      int t = turn.get();
      if (path.endsWith("/services.json")) {
        switch (t) {
          case 0 -> send(x, 200, "text/html", "<html><body>Welcome to our new portal!</body></html>");
          case 1 -> send(x, 500, "application/json", "[{\"code\":500,\"description\":\"database is down\"}]");
          case 2 -> send(x, 200, "application/json", "{\"weather\":\"sunny\"}");
          case 3 -> endless(x);
          default -> send(x, 200, "application/json", "[{\"service_code\":\"POT\",\"service_name\":\"Pothole\","
              + "\"metadata\":false,\"type\":\"realtime\",\"keywords\":\"\",\"group\":\"Streets\",\"description\":\"\"}]");
        }
      } else if (path.endsWith("/requests.json")) {
        boolean future = x.getRequestURI().getQuery() != null && x.getRequestURI().getQuery().contains("updated_after");
        send(x, 200, "application/json", future && t > 5 ? "[]" : "[{\"service_request_id\":\"S-1\",\"status\":\"open\","
            + "\"service_code\":\"POT\",\"service_name\":\"Pothole\",\"description\":\"hole from the odd source\","
            + "\"requested_datetime\":\"2026-12-01T10:00:00Z\",\"updated_datetime\":\"2026-12-01T10:00:00Z\","
            + "\"lat\":40.7,\"long\":-74.0,\"email\":\"secret@example.org\"}]");
      } else {
        send(x, 404, "text/plain", "no");
      }
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", type);
      x.sendResponseHeaders(status, b.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(b);
      }
    }

    /** A body that never ends, 20 MiB and more: the client's limit must cut it. */
    private static void endless(HttpExchange x) throws IOException {
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, 0);
      byte[] chunk = "[{\"service_code\":\"X\",".repeat(4096).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = x.getResponseBody()) {
        for (long sent = 0; sent < 64L * 1024 * 1024; sent += chunk.length) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the harvester hung up: that is the test
      }
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  static String lastError(ServerFixture a) throws Exception {
    try (Connection c = a.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT last_error FROM mirror_harvests WHERE jurisdiction_id = ?")) {
      s.setString(1, MirrorHttpTest.MIRROR);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Test
  void htmlFiveHundredsWrongDocumentsAndHugeBodiesAreStaffVisibleErrors() throws Exception {
    try (BadSource source = new BadSource();
        ServerFixture a = ServerFixture.start(TestConfig.city().mirror(MirrorHttpTest.MIRROR,
            MirrorHttpTest.MIRROR_KEY, new MirrorSettings(source.url(), null, null, 1, 30, 5)))) {
      MirrorHttpTest.createAdmin(a);
      StaffClient staff = StaffClient.signIn(a.http(), "admin", StaffAccounts.PASSWORD);
      String[] expected = {"not a service list", "500", "not a service list", "larger than"};
      for (int turn = 0; turn < 4; turn++) {
        source.turn.set(turn);
        String wanted = expected[turn];
        int now = turn;
        MirrorHttpTest.eventually("the error of turn " + turn, () -> {
          try {
            String e = lastError(a);
            return e != null && e.contains(wanted) && (now != 2 || e.contains("weather") || !e.contains("html"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        String page = staff.get("/staff/interop").text();
        assertThat(page).as("turn " + turn).contains(source.url()).contains(wanted);
        assertThat(a.http().get("/health/live").status()).as("the server lives on").isEqualTo(200);
      }
      source.turn.set(4);
      MirrorHttpTest.eventually("a good harvest after the bad ones", () -> {
        try {
          return lastError(a) == null && MirrorHttpTest.count(a, "hole from the odd source") == 1;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String page = staff.get("/staff/interop").text();
      assertThat(page).contains("1 read, 1 new");
      assertThat(a.http().get("/data/requests.csv?jurisdiction_id=" + MirrorHttpTest.MIRROR).text()).contains("hole from the odd source")
          .doesNotContain("secret@example.org");
    }
  }
}
