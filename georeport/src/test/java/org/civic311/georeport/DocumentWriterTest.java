package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentWriterTest {
  private final DocumentWriter writer = new DocumentWriter();

  static Stream<Arguments> everyKindInEveryFormat() {
    List<Arguments> out = new ArrayList<>();
    for (DocumentKind kind : DocumentKind.values()) {
      for (Format format : Format.values()) {
        out.add(Arguments.of(kind, format));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyKindInEveryFormat")
  void everyKindIsWrittenByteForByteAsItsGoldenDocument(DocumentKind kind, Format format) {
    byte[] written = writer.write(Samples.document(kind), format);

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(Samples.goldenText(kind, format));
    assertThat(written).isEqualTo(Samples.golden(kind, format));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void extendedRequestsAreWrittenAsTheirGoldenDocument(Format format) {
    Document extended = Documents.requests(Samples.requests(), Samples.extensions());

    assertThat(text(extended, format)).isEqualTo(Samples.extendedGoldenText(format));
  }

  @Test
  void detailedStatusSpeaksCitySdkAndExtendedStatusKeepsTheFinerName() {
    String json = text(Documents.requests(Samples.requests(), Samples.extensions()), Format.JSON);

    assertThat(json).contains("\"detailed_status\":\"IN_PROCESS\",\"extended_status\":\"action_scheduled\"")
        .contains("\"detailed_status\":\"REJECTED\",\"extended_status\":\"not_councils_responsibility\"");
  }

  @Test
  void xmlStartsWithTheDeclaration() {
    String xml = text(Documents.errors(Samples.errors()), Format.XML);

    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors>");
  }

  @Test
  void singleServiceIsStillAList() {
    Document one = Documents.services(List.of(Samples.services().get(0)));

    assertThat(text(one, Format.JSON)).startsWith("[{").endsWith("}]");
    assertThat(text(one, Format.XML)).contains("<services><service><service_code>LAMP</service_code>")
        .endsWith("</service></services>");
  }

  @Test
  void emptyListIsAnEmptyWrapperOrAnEmptyArray() {
    Document none = Documents.requests(List.of());

    assertThat(text(none, Format.JSON)).isEqualTo("[]");
    assertThat(text(none, Format.XML)).endsWith("?><service_requests></service_requests>");
  }

  @Test
  void absentOptionalFieldIsKeptAsNullOrEmptyElement() {
    Document pothole = Documents.services(List.of(Samples.services().get(1)));

    assertThat(text(pothole, Format.JSON)).contains("\"description\":null", "\"group\":null");
    assertThat(text(pothole, Format.XML)).contains("<description/>", "<group/>");
  }

  @Test
  void xmlEscapesMarkupAmpersandsAndCarriageReturnsButLeavesQuotes() {
    String xml = text(Documents.error(400, "<script>alert(\"x\")</script> & 'y'\r\nz"), Format.XML);

    assertThat(xml).contains(
        "<description>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'y'&#13;\nz</description>");
    assertThat(xml).doesNotContain("<script>");
  }

  @Test
  void jsonEscapesQuotesAndControlCharacters() {
    String json = text(Documents.error(400, "say \"hi\"\r\n"), Format.JSON);

    assertThat(json).isEqualTo("[{\"code\":400,\"description\":\"say \\\"hi\\\"\\r\\n\"}]");
  }

  @Test
  void characterThatXmlCannotCarryBecomesTheReplacementCharacter() {
    String xml = text(Documents.error(400, "bell\u0007"), Format.XML);

    assertThat(xml).contains("<description>bell\uFFFD</description>");
  }

  @Test
  void textOutsideAsciiIsWrittenAsUtf8() {
    byte[] xml = writer.write(Documents.error(400, "Straße €"), Format.XML);

    assertThat(new String(xml, StandardCharsets.UTF_8)).contains("Straße €");
  }

  private String text(Document document, Format format) {
    return new String(writer.write(document, format), StandardCharsets.UTF_8);
  }
}
