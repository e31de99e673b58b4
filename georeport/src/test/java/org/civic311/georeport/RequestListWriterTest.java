package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestListWriterTest {
  private static final String[] TEXTS = {null, "", "Pothole", "a & b < c > d", "line\r\nnext\ttab",
      "\u0001bell\u0007", "caf\u00e9 \u2603 \uD83D\uDE00", "\"quoted\" \\ slash", "\uFFFE\uFFFF", "</request>"};
  private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("America/New_York"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("America/St_Johns")};

  private static byte[] streamed(List<ServiceRequest> requests, Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RequestListWriter w = RequestListWriter.open(out, format)) {
      requests.forEach(w::add);
    }
    return out.toByteArray();
  }

  private static byte[] tree(List<ServiceRequest> requests, Format format) {
    return new DocumentWriter().write(Documents.requests(requests), format);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void theSampleRequestsAreTheGoldenDocumentByteForByte(Format format) {
    assertThat(streamed(Samples.requests(), format)).isEqualTo(Samples.golden(DocumentKind.REQUESTS, format));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void anEmptyListIsTheTreeWritersEmptyList(Format format) {
    assertThat(new String(streamed(List.of(), format), StandardCharsets.UTF_8))
        .isEqualTo(new String(tree(List.of(), format), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void randomRequestsAreWrittenExactlyAsTheTreeWriterWritesThem(Format format) {
    Random random = new Random(311);
    for (int round = 0; round < 50; round++) {
      List<ServiceRequest> requests = new ArrayList<>();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        requests.add(request(random));
      }
      assertThat(new String(streamed(requests, format), StandardCharsets.UTF_8))
          .isEqualTo(new String(tree(requests, format), StandardCharsets.UTF_8));
      assertThat(streamed(requests, format)).isEqualTo(tree(requests, format));
    }
  }

  private static ServiceRequest request(Random r) {
    ZoneId zone = ZONES[r.nextInt(ZONES.length)];
    OffsetDateTime at = Instant.ofEpochMilli(r.nextLong(4_000_000_000_000L)).atZone(zone).toOffsetDateTime();
    return new ServiceRequest(Long.toString(r.nextLong(1, Long.MAX_VALUE)),
        Status.values()[r.nextInt(Status.values().length)], text(r), text(r), "S" + r.nextInt(1000), text(r),
        text(r), text(r), at, r.nextBoolean() ? null : at.plusSeconds(r.nextInt(100_000)),
        r.nextBoolean() ? null : at.plusDays(r.nextInt(40)), text(r), text(r), text(r),
        r.nextBoolean() ? null : r.nextDouble(-90, 90), r.nextBoolean() ? null : r.nextDouble(-180, 180), text(r));
  }

  private static String text(Random r) {
    return TEXTS[r.nextInt(TEXTS.length)];
  }
}
