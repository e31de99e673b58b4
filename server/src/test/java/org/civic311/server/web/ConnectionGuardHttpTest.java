package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.civic311.server.config.TrafficSettings;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-address cap counts only connections still open, however their clients left. */
class ConnectionGuardHttpTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city()
      .traffic(new TrafficSettings(4, null, null, null, null)));

  @Test
  void connectionsResetByTheirClientsAreNoLongerCounted() throws Exception {
    // Like a load tester or a crashed client: a call answered, then the socket reset (RST), many times over.
    for (int i = 0; i < 12; i++) {
      try (Socket s = new Socket("127.0.0.1", server.http().port())) {
        OutputStream out = s.getOutputStream();
        out.write(("GET " + Http.API + "/services.json HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        assertThat(in.read()).as("an answer on connection %d", i).isNotEqualTo(-1);
        s.setSoLinger(true, 0);
      }
    }
    Thread.sleep(300);
    assertThat(server.http().get(Http.API + "/services.json").status()).isEqualTo(200);
  }
}
