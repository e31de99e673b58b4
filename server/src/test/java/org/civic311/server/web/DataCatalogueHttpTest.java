package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.domain.opendata.Columns;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The data catalogue: the /data page, DCAT-US at /data.json and the Frictionless package. */
class DataCatalogueHttpTest {
  static final String TOWN = "town.example.org";
  static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

  /** One jurisdiction with nothing configured: the defaults. */
  @RegisterExtension
  static final RunningServer single = new RunningServer(TestConfig.city());

  /** Two jurisdictions, the second with its own terms. */
  @RegisterExtension
  static final RunningServer several = new RunningServer(TestConfig.city()
      .jurisdiction(TOWN, "Europe/Madrid", "town-key-0001").openData(LICENCE, "CC-BY-4.0", "Town Data Office", "data@town.example.org"));

  static final List<String> DOWNLOADS = List.of("/data/requests.csv", "/data/requests.geojson",
      "/data/requests.ndjson", "/data/updates.csv", "/data/updates.ndjson", "/feeds/requests.atom",
      "/feeds/requests.rss");

  @Test
  void thePageListsEveryDatasetFormatAndColumn() {
    Answer a = single.http().get("/data");
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("text/html");
    String page = a.text();
    for (String id : List.of("id=\"requests\"", "id=\"updates\"", "id=\"feeds\"")) {
      assertThat(page).contains(id);
    }
    for (String link : DOWNLOADS) {
      assertThat(page).contains("href=\"" + link + "\"");
    }
    for (Columns.Column c : concat(Columns.REQUESTS, Columns.UPDATES)) {
      assertThat(page).contains("<code>" + c.name() + "</code>");
    }
    assertThat(page).contains("Data dictionary").contains("href=\"/data.json\"")
        .contains("href=\"/data/datapackage.json\"")
        .contains("href=\"https://creativecommons.org/publicdomain/zero/1.0/\">CC0-1.0</a>")
        .contains("City of " + TestConfig.CITY).contains("Continuously");
  }

  @Test
  void thePageSpeaksSpanish() {
    String page = single.http().get("/data?lang=es").text();
    assertThat(page).contains("<html lang=\"es\"").contains("Datos abiertos").contains("Diccionario de datos")
        .contains("Licencia").contains("<code>service_request_id</code>");
  }

  @Test
  void everyPageLinksToTheCatalogue() {
    assertThat(single.http().get("/browse").text()).contains("href=\"/data\"");
  }

  @Test
  void dataJsonIsDcatUsWithItsRequiredFields() {
    Answer a = single.http().get("/data.json");
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    JsonNode catalog = a.json();
    assertThat(catalog.get("conformsTo").asText()).isEqualTo("https://project-open-data.cio.gov/v1.1/schema");
    assertThat(catalog.get("describedBy").asText()).startsWith("https://project-open-data.cio.gov/v1.1/schema");
    assertThat(catalog.get("@type").asText()).isEqualTo("dcat:Catalog");
    JsonNode datasets = catalog.get("dataset");
    assertThat(datasets).hasSize(3);
    List<String> urls = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    for (JsonNode d : datasets) {
      for (String field : List.of("title", "description", "modified", "identifier", "accessLevel", "license")) {
        assertThat(d.path(field).asText()).as(field).isNotBlank();
      }
      assertThat(d.get("keyword").size()).isPositive();
      assertThat(d.get("accessLevel").asText()).isEqualTo("public");
      assertThat(d.get("publisher").get("name").asText()).isEqualTo("City of " + TestConfig.CITY);
      assertThat(d.get("contactPoint").get("fn").asText()).isNotBlank();
      assertThat(d.get("contactPoint").get("hasEmail").asText()).isEqualTo("mailto:tests@example.org");
      assertThat(d.get("license").asText()).isEqualTo("https://creativecommons.org/publicdomain/zero/1.0/");
      assertThat(d.get("accrualPeriodicity").asText()).startsWith("R/");
      identifiers.add(d.get("identifier").asText());
      for (JsonNode x : d.get("distribution")) {
        assertThat(x.get("mediaType").asText()).isNotBlank();
        assertThat(x.get("format").asText()).isNotBlank();
        urls.add(x.get("downloadURL").asText());
      }
    }
    assertThat(identifiers).doesNotHaveDuplicates();
    String base = "http://127.0.0.1:" + single.http().port();
    assertThat(urls).containsExactlyInAnyOrderElementsOf(DOWNLOADS.stream().map(p -> base + p).toList());
  }

  @Test
  void theDataPackageTypesEveryColumnOfTheCsvFiles() {
    Answer a = single.http().get("/data/datapackage.json");
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    JsonNode p = a.json();
    assertThat(p.get("licenses").get(0).get("name").asText()).isEqualTo("CC0-1.0");
    String base = "http://127.0.0.1:" + single.http().port();
    for (JsonNode r : p.get("resources")) {
      assertThat(r.get("path").asText()).startsWith(base + "/data/");
      assertThat(r.get("format").asText()).isNotBlank();
      assertThat(r.get("mediatype").asText()).isNotBlank();
    }
    assertThat(fieldsOf(p, "requests-csv")).isEqualTo(names(Columns.REQUESTS));
    assertThat(fieldsOf(p, "updates-csv")).isEqualTo(names(Columns.UPDATES));
    JsonNode first = resource(p, "requests-csv").get("schema").get("fields").get(0);
    assertThat(first.get("type").asText()).isEqualTo(Columns.REQUESTS.get(0).type());
    assertThat(first.get("description").asText()).isEqualTo(Columns.REQUESTS.get(0).meaning());
    assertThat(resource(p, "requests-csv").get("path").asText()).isEqualTo(base + "/data/requests.csv");
  }

  @Test
  void aConfiguredLicenceAndPublisherShowAndLinksNameTheirJurisdiction() {
    Answer page = several.http().get("/data?jurisdiction_id=" + TOWN);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.text()).contains("href=\"" + LICENCE + "\">CC-BY-4.0</a>").contains("Town Data Office")
        .contains("href=\"/data/requests.csv?jurisdiction_id=" + TOWN + "\"");
    JsonNode catalog = several.http().get("/data.json").json();
    assertThat(catalog.get("dataset")).hasSize(6);
    List<String> licences = new ArrayList<>();
    for (JsonNode d : catalog.get("dataset")) {
      if (d.get("title").asText().endsWith("City of " + TOWN)) {
        licences.add(d.get("license").asText());
        assertThat(d.get("publisher").get("name").asText()).isEqualTo("Town Data Office");
        assertThat(d.get("contactPoint").get("hasEmail").asText()).isEqualTo("mailto:data@town.example.org");
        assertThat(d.get("distribution").get(0).get("downloadURL").asText()).endsWith("?jurisdiction_id=" + TOWN);
      }
    }
    assertThat(licences).hasSize(3).containsOnly(LICENCE);
    JsonNode p = several.http().get("/data/datapackage.json?jurisdiction_id=" + TOWN).json();
    assertThat(p.get("licenses").get(0).get("path").asText()).isEqualTo(LICENCE);
    assertThat(p.get("contributors").get(0).get("title").asText()).isEqualTo("Town Data Office");
    Answer unknown = several.http().get("/data/datapackage.json?jurisdiction_id=nowhere.example.org");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get(0).get("description").asText()).contains("nowhere.example.org");
  }

  static JsonNode resource(JsonNode p, String name) {
    for (JsonNode r : p.get("resources")) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name + " in " + p);
  }

  static List<String> fieldsOf(JsonNode p, String name) {
    List<String> out = new ArrayList<>();
    resource(p, name).get("schema").get("fields").forEach(f -> out.add(f.get("name").asText()));
    return out;
  }

  static List<String> names(List<Columns.Column> columns) {
    return Columns.names(columns);
  }

  static List<Columns.Column> concat(List<Columns.Column> a, List<Columns.Column> b) {
    List<Columns.Column> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
