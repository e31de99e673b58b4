package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server with one jurisdiction: jurisdiction_id may be absent, empty or right; wrong is 404. */
class SingleJurisdictionHttpTest {
  static final String API = "/open311/v2";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  @Test
  void jurisdictionIdMayBeAbsentEmptyOrRight() {
    assertThat(server.http().get(API + "/services.json").status()).isEqualTo(200);
    assertThat(server.http().get(API + "/services.json?jurisdiction_id=").status()).isEqualTo(200);
    assertThat(server.http().get(API + "/services.json?jurisdiction_id=" + TestConfig.CITY).status())
        .isEqualTo(200);
  }

  @Test
  void aWrongJurisdictionIdIs404() {
    assertThat(server.http().get(API + "/services.json?jurisdiction_id=other.example.org").status())
        .isEqualTo(404);
  }
}
