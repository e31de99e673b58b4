package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A catalogue with Spanish texts, read through the API and the residents' pages in both languages. */
class TranslatedCatalogueHttpTest {
  static final String API = "/open311/v2";

  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.translatedCity());

  static Answer get(String path, String acceptLanguage) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http().uri(path)).GET();
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return server.http().send(b);
  }

  static String pothole(Answer list) {
    for (var s : list.json()) {
      if (s.get("service_code").asText().equals("POT")) {
        return s.get("service_name").asText() + " | " + s.get("description").asText() + " | " + s.get("group").asText();
      }
    }
    throw new AssertionError("no POT in " + list.text());
  }

  @Test
  void theServiceListSpeaksTheAskedLanguageWithTheDefaultAsFallback() {
    Answer plain = get(API + "/services.json", null);
    Answer spanish = get(API + "/services.json", "es-MX,es;q=0.9,en;q=0.5");
    Answer byParameter = server.http().get(API + "/services.json?locale=es");
    Answer english = get(API + "/services.json", "en-GB");
    Answer unknown = get(API + "/services.json", "fr");

    assertThat(pothole(plain)).isEqualTo("Pothole | A hole in the road | Streets");
    assertThat(pothole(spanish)).isEqualTo("Bache | Un agujero en la calzada | Calles");
    assertThat(pothole(byParameter)).isEqualTo("Bache | Un agujero en la calzada | Calles");
    assertThat(spanish.text()).as("untranslated services keep their own texts").contains("\"Street light out\"");
    assertThat(english.body()).as("English is the catalogue's own text, byte for byte").isEqualTo(plain.body());
    assertThat(unknown.body()).as("a language not offered falls back to the default").isEqualTo(plain.body());

    assertThat(plain.headers().allValues("Vary").toString()).contains("Accept-Language");
    String plainTag = plain.headers().firstValue("ETag").orElseThrow();
    String spanishTag = spanish.headers().firstValue("ETag").orElseThrow();
    assertThat(spanishTag).as("each language has its own validator").isNotEqualTo(plainTag);
    HttpRequest.Builder again = HttpRequest.newBuilder(server.http().uri(API + "/services.json")).GET()
        .header("Accept-Language", "es").header("If-None-Match", spanishTag);
    assertThat(server.http().send(again).status()).isEqualTo(304);
    HttpRequest.Builder other = HttpRequest.newBuilder(server.http().uri(API + "/services.json")).GET()
        .header("If-None-Match", spanishTag);
    assertThat(server.http().send(other).status()).as("the Spanish tag does not match the English list")
        .isEqualTo(200);
  }

  @Test
  void aDefinitionTranslatesQuestionsAndValuesButNeverCodesOrKeys() {
    Answer spanish = server.http().get(API + "/services/LAMP.json?locale=es");
    var side = spanish.json().get("attributes").get(1);
    assertThat(side.get("code").asText()).isEqualTo("SIDE");
    assertThat(side.get("description").asText()).isEqualTo("¿En qué lado?");
    assertThat(side.get("values").get(0).get("key").asText()).isEqualTo("N");
    assertThat(side.get("values").get(0).get("name").asText()).isEqualTo("Norte");
    assertThat(side.get("values").get(1).get("name").asText()).as("an untranslated value falls back")
        .isEqualTo("South");
    Answer plain = get(API + "/services/LAMP.xml", null);
    assertThat(plain.text()).contains("<description>Which side?</description>").doesNotContain("Norte");
  }

  @Test
  void staffTranslateAServiceInTheCatalogueEditor() {
    StaffAccounts.create(server.fixture(), "tr-admin", "administrator");
    StaffClient admin = StaffClient.signIn(server.http(), "tr-admin", StaffAccounts.PASSWORD);
    String base = "/staff/catalogue/" + TestConfig.CITY;
    String form = admin.get(base + "/services/POT").text();
    assertThat(form).as("the stored translations are in the form").contains("es name = Bache");

    Answer bad = admin.post(base + "/new", "code", "BENCH", "name", "Broken bench", "type", "realtime",
        "attr_rows", "0", "translations", "es name = Banco roto\nes attribute:NOPE = ¿Qué?");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("Line 2:");

    Answer saved = admin.post(base + "/new", "code", "BENCH", "name", "Broken bench", "type", "realtime",
        "group", "Parks", "attr_rows", "1", "attr_code_0", "PART", "attr_description_0", "Which part?",
        "attr_datatype_0", "singlevaluelist", "attr_variable_0", "1", "attr_order_0", "1",
        "attr_values_0", "SEAT=Seat\nLEG=Leg",
        "translations", "es name = Banco roto\nes group = Parques\nes attribute:PART = ¿Qué parte?\n"
            + "es value:PART:SEAT = Asiento");
    assertThat(saved.status()).as(saved.text()).isEqualTo(303);
    String spanish = get(API + "/services/BENCH.json", "es").text();
    assertThat(spanish).contains("¿Qué parte?").contains("Asiento").contains("\"Leg\"");
    assertThat(get(API + "/services.json", "es").text()).contains("Banco roto").contains("Parques");
    assertThat(server.http().get(API + "/services.json").text()).contains("Broken bench")
        .doesNotContain("Banco roto");
  }

  @Test
  void theResidentsPagesShowTheCatalogueInTheReadersLanguage() {
    String choose = server.http().get("/?lang=es").text();
    assertThat(choose).contains("Bache").contains("Calles").doesNotContain(">Pothole<");
    String form = server.http().get("/report/POT?lang=es").text();
    assertThat(form).contains("Bache").contains("Un agujero en la calzada");
    assertThat(form.split("Se rellena en una semana", -1)).as("the notice, once").hasSize(2);
    String lamp = server.http().get("/report/LAMP?lang=es").text();
    assertThat(lamp).contains("¿En qué lado?").contains("Norte").contains("value=\"N\"");
    assertThat(server.http().get("/report/POT?lang=en").text()).contains("Pothole").doesNotContain("Bache");
  }
}
