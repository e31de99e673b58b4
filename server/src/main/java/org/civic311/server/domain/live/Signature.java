package org.civic311.server.domain.live;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code <t>.<body>} with the hook's secret, in the {@code Civic311-Signature} header. The time is
 * signed with the body so that a receiver can refuse an old delivery played again.
 */
public final class Signature {
  public static final String HEADER = "Civic311-Signature";

  private Signature() {}

  public static String of(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from the JDK", e);
    }
  }
}
