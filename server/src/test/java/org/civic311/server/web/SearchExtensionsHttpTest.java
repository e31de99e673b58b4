package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The search extensions of GET requests: paging, updated_*, bbox, radius, q, agency. */
class SearchExtensionsHttpTest {
  static final String API = Http.API;
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void start() {
    // 12 requests along a line of latitude 40.00..40.11 near longitude -74.
    for (int i = 0; i < 12; i++) {
      String description = i == 3 ? "Broken streetlight flickering near the school"
          : i == 7 ? "Deep pothole, the streetlight is fine" : "Request number " + i;
      ids.add(post("POT", String.valueOf(40 + i / 100.0), "-74.0", description, i == 5 ? "5 Elm Street" : "x"));
    }
  }

  static String post(String service, String lat, String lon, String description, String address) {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", service,
        "lat", lat, "long", lon, "description", description, "address_string", address));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  static List<String> ids(String query) {
    Answer a = server.http().get(API + "/requests.json?" + query);
    assertThat(a.status()).as(query + " -> " + a.text()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    for (JsonNode r : a.json()) {
      out.add(r.get("service_request_id").asText());
    }
    return out;
  }

  static Answer bad(String query) {
    Answer a = server.http().get(API + "/requests.json?" + query);
    assertThat(a.status()).as(query).isEqualTo(400);
    return a;
  }

  @Test
  void pagesAreOneBasedStableAndEmptyPastTheEnd() {
    List<String> all = ids("page_size=100");
    assertThat(all).hasSize(12);
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      paged.addAll(ids("page_size=5&page=" + page));
    }
    assertThat(paged).isEqualTo(all);
    assertThat(ids("page_size=5&page=4")).isEmpty();
    assertThat(ids("page_size=5")).isEqualTo(all.subList(0, 5));
  }

  @Test
  void badPagingIs400NamingTheParameter() {
    assertThat(bad("page=0").text()).contains("page");
    assertThat(bad("page=-1").text()).contains("page");
    assertThat(bad("page=two").text()).contains("page");
    assertThat(bad("page_size=1001").text()).contains("page_size");
    assertThat(bad("page_size=0").text()).contains("page_size");
  }

  @Test
  void bboxKeepsOnlyRequestsInsideIt() {
    assertThat(ids("bbox=-74.1,40.025,-73.9,40.055")).containsExactlyInAnyOrder(ids.get(3), ids.get(4), ids.get(5));
    assertThat(ids("bbox=10,10,11,11")).isEmpty();
  }

  @Test
  void badBboxesAre400() {
    assertThat(bad("bbox=1,2,3").text()).contains("bbox");
    assertThat(bad("bbox=-73.9,40.0,-74.1,40.1").text()).contains("bbox");
    assertThat(bad("bbox=-200,40,-74,41").text()).contains("bbox");
    assertThat(bad("bbox=a,b,c,d").text()).contains("bbox");
  }

  @Test
  void radiusKeepsRequestsWithinThatManyMetres() {
    // 0.01 degree of latitude is about 1,112 m.
    assertThat(ids("lat=40.05&long=-74.0&radius=1200")).containsExactlyInAnyOrder(ids.get(4), ids.get(5),
        ids.get(6));
    assertThat(ids("lat=40.05&long=-74.0&radius=10")).containsExactly(ids.get(5));
  }

  @Test
  void badRadiiAre400() {
    assertThat(bad("lat=40&long=-74&radius=-5").text()).contains("radius");
    assertThat(bad("lat=40&long=-74&radius=100000000").text()).contains("radius");
    assertThat(bad("lat=40&long=-74").text()).contains("radius");
    assertThat(bad("lat=95&long=-74&radius=10").text()).contains("lat");
  }

  @Test
  void textSearchFindsWordsInDescriptionAndAddress() {
    assertThat(ids("q=streetlight")).containsExactlyInAnyOrder(ids.get(3), ids.get(7));
    assertThat(ids("q=STREETLIGHT+school")).containsExactly(ids.get(3));
    assertThat(ids("q=elm")).containsExactly(ids.get(5));
    assertThat(ids("q=nothing-like-it")).isEmpty();
    // Search syntax in the words is only text.
    assertThat(ids("q=%22streetlight*+-%28%29")).containsExactlyInAnyOrder(ids.get(3), ids.get(7));
    assertThat(ids("q=streetlight&order=relevance")).hasSize(2);
  }

  @Test
  void queriesWithoutWordsAre400() {
    assertThat(bad("q=***").text()).contains("q");
    assertThat(bad("q=a&order=sideways").text()).contains("order");
  }

  @Test
  void updatedAfterAndBeforeFilterOnTheUpdateTime() {
    assertThat(ids("updated_after=2000-01-01T00:00:00Z&page_size=100")).hasSize(12);
    assertThat(ids("updated_after=2999-01-01T00:00:00Z")).isEmpty();
    assertThat(ids("updated_before=2000-01-01T00:00:00Z")).isEmpty();
    assertThat(bad("updated_after=soon").text()).contains("updated_after");
  }

  @Test
  void agencyFilterKeepsThatAgency() {
    assertThat(ids("agency_responsible=Highways&page_size=100")).hasSize(12);
    assertThat(ids("agency_responsible=Parks")).isEmpty();
  }

  @Test
  void filtersCombineWithTheCoreOnes() {
    assertThat(ids("q=streetlight&bbox=-74.1,40.0,-73.9,40.05&status=open&service_code=POT"))
        .containsExactly(ids.get(3));
    assertThat(ids("q=streetlight&service_code=LAMP")).isEmpty();
  }
}
