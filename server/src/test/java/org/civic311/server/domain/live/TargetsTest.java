package org.civic311.server.domain.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civic311.server.domain.Refusal;
import org.junit.jupiter.api.Test;

/** Webhook targets: only public addresses, judged after the name is resolved, unless allowed. */
class TargetsTest {
  private final Targets strict = new Targets(false);

  @Test
  void loopbackPrivateAndLinkLocalTargetsAreRefused() {
    for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
        "http://192.168.0.10/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]/", "http://2130706433/")) {
      assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(Refusal.class)
          .hasMessageContaining("public addresses only");
    }
  }

  @Test
  void publicAddressesPassAndTheSwitchAllowsPrivateOnes() {
    assertThat(strict.check("https://192.0.2.10/hook").getHost()).isEqualTo("192.0.2.10");
    assertThat(strict.check("http://[2001:db8::1]/hook").getPort()).isEqualTo(-1);
    assertThat(new Targets(true).check("http://127.0.0.1:9/hook").getPort()).isEqualTo(9);
  }

  @Test
  void otherSchemesGetAClearMessage() {
    for (String url : List.of("ftp://example.org/", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)")) {
      assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(Refusal.class)
          .hasMessageContaining("http or https");
    }
  }
}
