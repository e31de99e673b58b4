package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing records and reading the bytes back gives equal records, in both formats. */
class RoundTripTest {
  private final DocumentWriter writer = new DocumentWriter();
  private final DocumentReader reader = new DocumentReader();

  @ParameterizedTest
  @EnumSource(Format.class)
  void servicesSurviveARoundTrip(Format format) {
    byte[] bytes = writer.write(Documents.services(Samples.services()), format);

    assertThat(reader.services(bytes, format)).isEqualTo(Samples.services());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void emptyServiceListSurvivesARoundTrip(Format format) {
    byte[] bytes = writer.write(Documents.services(List.of()), format);

    assertThat(reader.services(bytes, format)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void serviceDefinitionSurvivesARoundTrip(Format format) {
    byte[] bytes = writer.write(Documents.serviceDefinition(Samples.definition()), format);

    ServiceDefinition read = reader.serviceDefinition(bytes, format);

    assertThat(read).isEqualTo(Samples.definition());
    assertThat(read.attributes()).extracting(ServiceAttribute::code).containsExactly("FAULT", "POLE");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void requestsSurviveARoundTrip(Format format) {
    byte[] bytes = writer.write(Documents.requests(Samples.requests()), format);

    assertThat(reader.requests(bytes, format)).isEqualTo(Samples.requests());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void receiptsOfEveryServiceTypeSurviveARoundTrip(Format format) {
    for (RequestReceipt receipt : List.of(
        RequestReceipt.ofId("SR-1", "Within 5 days"),
        RequestReceipt.ofToken("T-1", null),
        RequestReceipt.ofNotice("We will look"),
        new RequestReceipt("SR-2", null, null, "ACC-9"),
        Samples.tokenReply())) {
      byte[] bytes = writer.write(Documents.receipt(receipt), format);

      assertThat(reader.receipts(bytes, format)).containsExactly(receipt);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void discoverySurvivesARoundTrip(Format format) {
    byte[] bytes = writer.write(Documents.discovery(Samples.discovery()), format);

    assertThat(reader.discovery(bytes, format)).isEqualTo(Samples.discovery());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void errorsSurviveARoundTrip(Format format) {
    List<GeoReportError> errors = List.of(new GeoReportError(400, "lat is not a number"),
        new GeoReportError(404, "service_code 'X' is unknown"));
    byte[] bytes = writer.write(Documents.errors(errors), format);

    assertThat(reader.errors(bytes, format)).isEqualTo(errors);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void markupQuotesAmpersandsAndLineBreaksSurviveARoundTrip(Format format) {
    String nasty = "<script>alert(\"x\")</script> & 'y' &amp; ]]> \r\n\tend Straße €";
    byte[] bytes = writer.write(Documents.error(400, nasty), format);

    assertThat(reader.errors(bytes, format)).containsExactly(new GeoReportError(400, nasty));
  }
}
