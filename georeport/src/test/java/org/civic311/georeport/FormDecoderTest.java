package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

  @Test
  void plusIsASpace() {
    Parameters p = decode("description=Dark+since+Monday");

    assertThat(p.required("description")).isEqualTo("Dark since Monday");
  }

  @Test
  void encodedPlusStaysAPlus() {
    Parameters p = decode("start_date=2024-03-04T09%3A12%3A00%2B01%3A00");

    assertThat(p.required("start_date")).isEqualTo("2024-03-04T09:12:00+01:00");
  }

  @Test
  void percentEscapesAreDecodedAsUtf8() {
    Parameters p = decode("address_string=Stra%C3%9Fe+%E2%82%AC");

    assertThat(p.required("address_string")).isEqualTo("Straße €");
  }

  @Test
  void parameterNamesAreDecodedButKeptLiterally() {
    Parameters p = decode("attribute%5BFAULT%5D%5B%5D=DARK&attribute[FAULT][]=DAY");

    assertThat(p.names()).containsExactly("attribute[FAULT][]");
    assertThat(p.all("attribute[FAULT][]")).containsExactly("DARK", "DAY");
  }

  @Test
  void invalidUtf8NamesTheParameter() {
    ParameterException e = catchThrowableOfType(ParameterException.class, () -> decode("lat=1&description=caf%E9"));

    assertThat(e.parameter()).isEqualTo("description");
    assertThat(e).hasMessage("parameter 'description' is not valid UTF-8");
  }

  @Test
  void rawBytesThatAreNotUtf8AreRejectedToo() {
    byte[] body = {'d', '=', (byte) 0xC3, '('};

    ParameterException e = catchThrowableOfType(ParameterException.class,
        () -> FormDecoder.decode(body, Parameters.builder()));

    assertThat(e.parameter()).isEqualTo("d");
  }

  @Test
  void truncatedEscapeNamesTheParameter() {
    ParameterException e = catchThrowableOfType(ParameterException.class, () -> decode("lat=51.5%2"));

    assertThat(e.parameter()).isEqualTo("lat");
    assertThat(e).hasMessage("parameter 'lat' has a malformed percent escape");
  }

  @Test
  void nonHexEscapeNamesTheParameter() {
    ParameterException e = catchThrowableOfType(ParameterException.class, () -> decode("long=%ZZ0.1"));

    assertThat(e.parameter()).isEqualTo("long");
    assertThat(e.getMessage()).contains("'long'", "malformed percent escape");
  }

  @Test
  void malformedEscapeInANameSaysSo() {
    ParameterException e = catchThrowableOfType(ParameterException.class, () -> decode("attribute%5=x"));

    assertThat(e).hasMessage("a parameter name has a malformed percent escape");
  }

  @Test
  void emptyPairsAreSkippedAndANameWithoutValueIsEmpty() {
    Parameters p = decode("a=1&&b&c=");

    assertThat(p.names()).containsExactly("a", "b", "c");
    assertThat(p.optional("b")).isEmpty();
    assertThat(p.optional("c")).isEmpty();
  }

  @Test
  void valueMayContainEqualsSigns() {
    assertThat(decode("media_url=https://x.org/?a=b").required("media_url")).isEqualTo("https://x.org/?a=b");
  }

  @Test
  void repeatedParametersKeepTheirOrder() {
    assertThat(decode("media_url=b&media_url=a").all("media_url")).isEqualTo(List.of("b", "a"));
  }

  @Test
  void nullOrEmptyQueryStringAddsNothing() {
    Parameters.Builder b = Parameters.builder();
    FormDecoder.decode((String) null, b);
    FormDecoder.decode("", b);

    assertThat(b.build().names()).isEmpty();
  }

  @Test
  void queryStringIsDecodedLikeABody() {
    Parameters.Builder b = Parameters.builder();
    FormDecoder.decode("status=open%2Cclosed&jurisdiction_id=", b);

    assertThat(b.build().list("status")).containsExactly("open", "closed");
  }

  private static Parameters decode(String body) {
    Parameters.Builder b = Parameters.builder();
    FormDecoder.decode(body.getBytes(StandardCharsets.ISO_8859_1), b);
    return b.build();
  }
}
