package org.civic311.georeport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParametersTest {

  @Test
  void emptyValueIsTheSameAsAbsent() {
    Parameters p = params("jurisdiction_id", "");

    assertThat(p.optional("jurisdiction_id")).isEmpty();
    assertThat(p.optional("never_sent")).isEmpty();
    assertThat(p.all("jurisdiction_id")).isEmpty();
  }

  @Test
  void emptyRequiredValueIsMissing() {
    ParameterException e = catchThrowableOfType(ParameterException.class,
        () -> params("service_code", "").required("service_code"));

    assertThat(e.parameter()).isEqualTo("service_code");
    assertThat(e).hasMessage("parameter 'service_code' is required");
  }

  @Test
  void duplicateWithDifferentValuesIsRejected() {
    Parameters p = params("service_code", "LAMP", "service_code", "POTHOLE");

    ParameterException e = catchThrowableOfType(ParameterException.class, () -> p.optional("service_code"));

    assertThat(e.parameter()).isEqualTo("service_code");
    assertThat(e.getMessage()).contains("'service_code'", "different values");
  }

  @Test
  void duplicateWithTheSameValueIsAccepted() {
    Parameters p = params("api_key", "K1", "api_key", "K1");

    assertThat(p.required("api_key")).isEqualTo("K1");
  }

  @Test
  void emptyDuplicateDoesNotConflictWithAValue() {
    Parameters p = params("jurisdiction_id", "", "jurisdiction_id", "city.gov");

    assertThat(p.optional("jurisdiction_id")).contains("city.gov");
  }

  @Test
  void listIsCommaSeparatedTrimmedAndWithoutEmptyMembers() {
    Parameters p = params("service_request_id", " 1, 2,,3 ,");

    assertThat(p.list("service_request_id")).containsExactly("1", "2", "3");
  }

  @Test
  void listAlsoAcceptsTheParameterRepeated() {
    Parameters p = params("status", "open", "status", "closed");

    assertThat(p.list("status")).containsExactly("open", "closed");
  }

  @Test
  void absentListIsEmpty() {
    assertThat(params().list("service_code")).isEmpty();
  }

  @Test
  void attributesArriveInAllThreeEncodings() {
    Parameters p = params(
        "attribute[POLE]", "P-17",
        "attribute[FAULT][]", "DARK", "attribute[FAULT][]", "DAY",
        "attribute[SIZE][0]", "S", "attribute[SIZE][1]", "M",
        "attribute[KIND]", "a", "attribute[KIND]", "b");

    Map<String, List<String>> answers = p.attributes();

    assertThat(answers).containsOnlyKeys("POLE", "FAULT", "SIZE", "KIND");
    assertThat(answers.get("POLE")).containsExactly("P-17");
    assertThat(answers.get("FAULT")).containsExactly("DARK", "DAY");
    assertThat(answers.get("SIZE")).containsExactly("S", "M");
    assertThat(answers.get("KIND")).containsExactly("a", "b");
  }

  @Test
  void emptyAttributeAnswersAndLookAlikesAreIgnored() {
    Parameters p = params("attribute[A]", "", "attribute[]", "x", "attributes[B]", "y", "attribute[C][x]", "z",
        "attribute[D]", "kept");

    assertThat(p.attributes()).containsOnlyKeys("D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "1", "yes", "Yes", " true "})
  void trueBooleansAreRead(String value) {
    assertThat(params("extensions", value).bool("extensions")).contains(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "False", "0", "no", "NO"})
  void falseBooleansAreRead(String value) {
    assertThat(params("extensions", value).bool("extensions")).contains(false);
  }

  @Test
  void absentBooleanIsEmpty() {
    assertThat(params("extensions", "").bool("extensions")).isEqualTo(Optional.empty());
  }

  @Test
  void otherBooleanIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> params("extensions", "maybe").bool("extensions"))
        .isInstanceOf(ParameterException.class)
        .hasMessage("parameter 'extensions' must be true or false");
  }

  @Test
  void namesKeepTheirFirstSeenOrder() {
    assertThat(params("b", "1", "a", "2", "b", "3").names()).containsExactly("b", "a");
  }

  private static Parameters params(String... pairs) {
    Parameters.Builder b = Parameters.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.add(pairs[i], pairs[i + 1]);
    }
    return b.build();
  }
}
