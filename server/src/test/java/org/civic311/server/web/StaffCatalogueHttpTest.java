package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.Seeder;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service catalogue in the back office, judged by what the GeoReport API then answers. */
class StaffCatalogueHttpTest {
  static final String API = Http.API;
  static final String J = TestConfig.CITY;
  static final String CATALOGUE = "/staff/catalogue/" + J;
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  static StaffClient admin;
  static StaffClient agent;
  static StaffClient viewer;

  @BeforeAll
  static void accounts() {
    StaffAccounts.create(server.fixture(), "cat-admin", "administrator");
    StaffAccounts.create(server.fixture(), "cat-agent", "agent", J + ":Highways");
    StaffAccounts.create(server.fixture(), "cat-viewer", "viewer");
    admin = StaffClient.signIn(server.http(), "cat-admin", StaffAccounts.PASSWORD);
    agent = StaffClient.signIn(server.http(), "cat-agent", StaffAccounts.PASSWORD);
    viewer = StaffClient.signIn(server.http(), "cat-viewer", StaffAccounts.PASSWORD);
  }

  /** The fields of the service form, with attribute rows numbered as the page numbers them. */
  static final class ServiceForm {
    private final List<String> pairs = new ArrayList<>();
    private int rows;

    ServiceForm(String code, String name) {
      field("code", code).field("name", name).field("type", "realtime");
    }

    ServiceForm field(String name, String value) {
      pairs.add(name);
      pairs.add(value);
      return this;
    }

    ServiceForm attribute(String code, String datatype, boolean required, String order, String question,
        String hint, String values) {
      int i = rows++;
      field("attr_code_" + i, code).field("attr_description_" + i, question).field("attr_datatype_" + i, datatype)
          .field("attr_variable_" + i, "1").field("attr_order_" + i, order)
          .field("attr_datatype_description_" + i, hint).field("attr_values_" + i, values);
      if (required) {
        field("attr_required_" + i, "1");
      }
      return this;
    }

    /** Marks the row last added for removal. */
    ServiceForm removeLast() {
      return field("attr_remove_" + (rows - 1), "1");
    }

    String[] pairs() {
      List<String> all = new ArrayList<>(pairs);
      all.add("attr_rows");
      all.add(Integer.toString(rows));
      return all.toArray(String[]::new);
    }
  }

  static Answer create(ServiceForm f) {
    return admin.post(CATALOGUE + "/new", f.pairs());
  }

  static void created(ServiceForm f) {
    Answer a = create(f);
    assertThat(a.status()).as(a.text()).isEqualTo(303);
    assertThat(a.headers().firstValue("Location")).hasValue("/staff/catalogue?jurisdiction=" + J + "&done=saved");
  }

  static JsonNode listed(String code) {
    for (JsonNode s : server.http().get(API + "/services.json").json()) {
      if (s.get("service_code").asText().equals(code)) {
        return s;
      }
    }
    return null;
  }

  static String changeset() {
    return server.http().get(API + "/discovery.json").json().get("changeset").asText();
  }

  static long postRequest(String code) {
    Answer a = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", code,
        "lat", "40.0", "long", "-74.0", "description", "catalogue test"));
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asLong();
  }

  static String fieldError(Answer a, String field) {
    Matcher m = Pattern.compile("id=\"error-" + Pattern.quote(field) + "\" role=\"alert\">([^<]*)<").matcher(a.text());
    return m.find() ? m.group(1) : null;
  }

  @Test
  void aServiceWithAttributesOfEveryDatatypeIsPublishedWithValuesOrderAndRequired() {
    String before = changeset();
    // Rows in a different order from their "order" numbers: the definition must follow the numbers.
    created(new ServiceForm("GRAFFITI", "Graffiti").field("description", "Paint on walls")
        .field("group", "Cleaning").field("keywords", "paint,tag").field("agency_responsible", "Parks")
        .attribute("WHERE", "string", false, "3", "Where exactly?", "", "")
        .attribute("SIZE", "number", true, "1", "How many square metres?", "A number", "")
        .attribute("SEEN", "datetime", false, "2", "When did it appear?", "", "")
        .attribute("WORDS", "text", false, "4", "What does it say?", "", "")
        .attribute("SURFACE", "singlevaluelist", true, "5", "On what?", "Choose one",
            "WALL=A wall\nBRIDGE=A bridge\n")
        .attribute("KIND", "multivaluelist", false, "6", "What kind?", "",
            "TAG=Tag\r\nMURAL=Mural\r\nOFFENSIVE=Offensive words"));

    JsonNode s = listed("GRAFFITI");
    assertThat(s).as("listed in services.json").isNotNull();
    assertThat(s.get("service_name").asText()).isEqualTo("Graffiti");
    assertThat(s.get("description").asText()).isEqualTo("Paint on walls");
    assertThat(s.get("group").asText()).isEqualTo("Cleaning");
    assertThat(s.get("keywords").asText()).isEqualTo("paint,tag");
    assertThat(s.get("type").asText()).isEqualTo("realtime");
    assertThat(s.get("metadata").asBoolean()).as("it has attributes").isTrue();
    assertThat(listed("LAMP")).as("the configured services stay").isNotNull();

    JsonNode d = server.http().get(API + "/services/GRAFFITI.json").json();
    assertThat(d.get("service_code").asText()).isEqualTo("GRAFFITI");
    JsonNode attributes = d.get("attributes");
    assertThat(attributes).hasSize(6);
    String[][] expected = {{"SIZE", "number", "true"}, {"SEEN", "datetime", "false"}, {"WHERE", "string", "false"},
        {"WORDS", "text", "false"}, {"SURFACE", "singlevaluelist", "true"}, {"KIND", "multivaluelist", "false"}};
    for (int i = 0; i < expected.length; i++) {
      JsonNode a = attributes.get(i);
      assertThat(a.get("code").asText()).as("attribute %d", i).isEqualTo(expected[i][0]);
      assertThat(a.get("datatype").asText()).as(expected[i][0]).isEqualTo(expected[i][1]);
      assertThat(a.get("required").asBoolean()).as(expected[i][0]).isEqualTo(Boolean.parseBoolean(expected[i][2]));
      assertThat(a.get("order").asInt()).as(expected[i][0]).isEqualTo(i + 1);
      assertThat(a.get("variable").asBoolean()).as(expected[i][0]).isTrue();
    }
    assertThat(attributes.get(0).get("description").asText()).isEqualTo("How many square metres?");
    assertThat(attributes.get(0).get("datatype_description").asText()).isEqualTo("A number");
    assertThat(attributes.get(2).get("datatype_description").isNull()).isTrue();
    assertThat(attributes.get(2).get("values")).isEmpty();
    JsonNode surface = attributes.get(4).get("values");
    assertThat(surface).hasSize(2);
    assertThat(surface.get(0).get("key").asText()).isEqualTo("WALL");
    assertThat(surface.get(0).get("name").asText()).isEqualTo("A wall");
    assertThat(surface.get(1).get("key").asText()).isEqualTo("BRIDGE");
    assertThat(attributes.get(4).get("datatype_description").asText()).isEqualTo("Choose one");
    JsonNode kind = attributes.get(5).get("values");
    assertThat(kind).hasSize(3);
    assertThat(kind.get(2).get("key").asText()).isEqualTo("OFFENSIVE");
    assertThat(kind.get(2).get("name").asText()).as("CRLF lines are split cleanly").isEqualTo("Offensive words");

    String after = changeset();
    assertThat(after).as("discovery changeset after creating a service").isGreaterThan(before);

    // A second change straight after the first must move it again, or a client polling
    // discovery would miss it.
    Answer retire = admin.post(CATALOGUE + "/services/GRAFFITI/retire");
    assertThat(retire.status()).as(retire.text()).isEqualTo(303);
    assertThat(changeset()).as("discovery changeset right after a second change").isGreaterThan(after);
  }

  @Test
  void editingAServiceChangesItsDefinitionAndAttributesCanBeAddedAndRemoved() {
    created(new ServiceForm("BENCH", "Broken bench")
        .attribute("SEAT", "singlevaluelist", true, "1", "Which part?", "", "SEAT=Seat\nLEG=Leg")
        .attribute("PARK", "string", false, "2", "Which park?", "", ""));

    Answer page = admin.get(CATALOGUE + "/services/BENCH");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("value=\"Broken bench\"").contains("value=\"SEAT\"").contains("value=\"PARK\"")
        .contains("SEAT=Seat\nLEG=Leg");

    String before = changeset();
    ServiceForm changed = new ServiceForm("BENCH", "Damaged bench")
        .field("group", "Parks")
        .attribute("SEAT", "singlevaluelist", true, "1", "Which part?", "", "SEAT=Seat\nLEG=Leg").removeLast()
        .attribute("PARK", "string", true, "2", "Which park is it in?", "", "")
        .attribute("PHOTO_OK", "multivaluelist", false, "3", "May we share your photo?", "", "Y=Yes\nN=No");
    Answer asked = admin.post(CATALOGUE + "/services/BENCH", changed.pairs());
    assertThat(asked.status()).as("removing a question asks first").isEqualTo(200);
    assertThat(asked.text()).contains("id=\"removals\"").contains("The question Which part? (SEAT)")
        .contains("name=\"confirm_removal\" value=\"1\"");
    assertThat(changeset()).as("nothing changed before the confirmation").isEqualTo(before);
    Answer edit = admin.post(CATALOGUE + "/services/BENCH", changed.field("confirm_removal", "1").pairs());
    assertThat(edit.status()).as(edit.text()).isEqualTo(303);

    JsonNode s = listed("BENCH");
    assertThat(s.get("service_name").asText()).isEqualTo("Damaged bench");
    assertThat(s.get("group").asText()).isEqualTo("Parks");
    JsonNode attributes = server.http().get(API + "/services/BENCH.json").json().get("attributes");
    assertThat(attributes).hasSize(2);
    assertThat(attributes.get(0).get("code").asText()).isEqualTo("PARK");
    assertThat(attributes.get(0).get("description").asText()).isEqualTo("Which park is it in?");
    assertThat(attributes.get(0).get("required").asBoolean()).isTrue();
    assertThat(attributes.get(1).get("code").asText()).isEqualTo("PHOTO_OK");
    assertThat(attributes.get(1).get("values")).hasSize(2);
    assertThat(attributes.toString()).doesNotContain("SEAT");
    assertThat(changeset()).as("discovery changeset after an edit").isGreaterThan(before);

    Answer unknown = admin.post(CATALOGUE + "/services/NO_SUCH", new ServiceForm("NO_SUCH", "Nothing").pairs());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(fieldError(unknown, "code")).isEqualTo("There is no service with this code to change.");
    assertThat(listed("NO_SUCH")).isNull();
  }

  @Test
  void theAddressNotTheCodeFieldDecidesWhichServiceAnEditChanges() {
    created(new ServiceForm("SIGN", "Damaged sign"));
    Answer a = admin.post(CATALOGUE + "/services/SIGN", new ServiceForm("POT", "Renamed sign").pairs());
    assertThat(a.status()).as(a.text()).isEqualTo(303);
    assertThat(listed("POT").get("service_name").asText()).as("another service is untouched").isEqualTo("Pothole");
    assertThat(listed("SIGN").get("service_name").asText()).isEqualTo("Renamed sign");

    Answer bad = admin.post(CATALOGUE + "/services/SIGN", new ServiceForm("POT", "").pairs());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).as("the form goes back to the service of the address")
        .contains("action=\"/staff/catalogue/" + J + "/services/SIGN\"").contains("value=\"SIGN\"");
  }

  @Test
  void invalidFormsAreRefusedWithTheMessageBesideTheField() {
    Answer noName = create(new ServiceForm("BAD1", "  ").attribute("A", "string", false, "1", "Q", "", ""));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(fieldError(noName, "name")).isEqualTo("Give the service a name (at most 200 characters).");
    assertThat(noName.text()).as("what was typed is kept").contains("value=\"BAD1\"");

    Answer noValues = create(new ServiceForm("BAD2", "List without values")
        .attribute("KIND", "singlevaluelist", true, "1", "What kind?", "", "  \n"));
    assertThat(noValues.status()).isEqualTo(400);
    assertThat(fieldError(noValues, "attr_values_0"))
        .isEqualTo("A list needs values to choose from, one per line as key=name.");

    Answer sameCode = create(new ServiceForm("BAD3", "Same code twice")
        .attribute("X", "string", false, "1", "First", "", "")
        .attribute("X", "number", false, "2", "Second", "", ""));
    assertThat(sameCode.status()).isEqualTo(400);
    assertThat(fieldError(sameCode, "attr_code_1")).isEqualTo("Another attribute has this code.");
    assertThat(fieldError(sameCode, "attr_code_0")).isNull();

    Answer sameOrder = create(new ServiceForm("BAD4", "Same order twice")
        .attribute("X", "string", false, "1", "First", "", "")
        .attribute("Y", "number", false, "1", "Second", "", ""));
    assertThat(sameOrder.status()).isEqualTo(400);
    assertThat(fieldError(sameOrder, "attr_order_1")).isEqualTo("Another attribute has this order.");

    Answer wordOrder = create(new ServiceForm("BAD5", "Order in words")
        .attribute("X", "string", false, "first", "First", "", ""));
    assertThat(wordOrder.status()).isEqualTo(400);
    assertThat(fieldError(wordOrder, "attr_order_0")).isEqualTo("Use a whole number from 1.");

    Answer valuesOnText = create(new ServiceForm("BAD6", "Values on a string")
        .attribute("X", "string", false, "1", "First", "", "A=B"));
    assertThat(valuesOnText.status()).isEqualTo(400);
    assertThat(fieldError(valuesOnText, "attr_values_0")).isEqualTo("Only list datatypes take values.");

    Answer taken = create(new ServiceForm("LAMP", "Another lamp"));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(fieldError(taken, "code")).isEqualTo("Another service has this code.");

    for (String code : List.of("BAD1", "BAD2", "BAD3", "BAD4", "BAD5", "BAD6")) {
      assertThat(listed(code)).as(code + " was not stored").isNull();
    }
    assertThat(listed("LAMP").get("service_name").asText()).isEqualTo("Street light out");
  }

  @Test
  void aServiceWithRequestsIsRetiredNotDeletedAndCanBeRestored() {
    created(new ServiceForm("HEDGE", "Overgrown hedge"));
    long id = postRequest("HEDGE");

    Answer delete = admin.post(CATALOGUE + "/services/HEDGE/delete");
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.text()).contains("Requests use this service, so it can only be retired.");
    assertThat(listed("HEDGE")).as("still there after a refused delete").isNotNull();

    Answer retire = admin.post(CATALOGUE + "/services/HEDGE/retire");
    assertThat(retire.status()).isEqualTo(303);
    assertThat(retire.headers().firstValue("Location")).hasValue("/staff/catalogue?jurisdiction=" + J
        + "&done=retired");
    assertThat(listed("HEDGE")).as("retired services leave services.json").isNull();
    JsonNode old = server.http().get(API + "/requests/" + id + ".json").json();
    assertThat(old).hasSize(1);
    assertThat(old.get(0).get("service_code").asText()).isEqualTo("HEDGE");
    assertThat(old.get(0).get("service_name").asText()).isEqualTo("Overgrown hedge");
    Answer newOne = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code",
        "HEDGE", "lat", "40.0", "long", "-74.0"));
    assertThat(newOne.status()).as("no new requests for a retired service").isEqualTo(404);
    assertThat(newOne.text()).contains("service_code");
    Answer list = admin.get("/staff/catalogue?jurisdiction=" + J);
    assertThat(list.text()).contains("action=\"/staff/catalogue/" + J + "/services/HEDGE/restore\"");

    Answer restore = admin.post(CATALOGUE + "/services/HEDGE/restore");
    assertThat(restore.status()).isEqualTo(303);
    assertThat(listed("HEDGE")).as("restored").isNotNull();
    assertThat(postRequest("HEDGE")).isGreaterThan(id);
  }

  @Test
  void anUnusedServiceCanBeDeleted() {
    created(new ServiceForm("UNUSED", "Never used").attribute("A", "text", false, "1", "Anything?", "", ""));
    assertThat(listed("UNUSED")).isNotNull();
    String before = changeset();

    Answer delete = admin.post(CATALOGUE + "/services/UNUSED/delete");
    assertThat(delete.status()).as(delete.text()).isEqualTo(303);
    assertThat(delete.headers().firstValue("Location")).hasValue("/staff/catalogue?jurisdiction=" + J
        + "&done=deleted");
    assertThat(listed("UNUSED")).isNull();
    assertThat(server.http().get(API + "/services/UNUSED.json").status()).isEqualTo(404);
    assertThat(admin.get(CATALOGUE + "/services/UNUSED").status()).isEqualTo(404);
    assertThat(changeset()).isGreaterThan(before);
  }

  @Test
  void responseTemplatesAreOfferedOnTheRequestPageUntilDeleted() {
    long pot;
    long bulk;
    try (Seeder seeder = new Seeder(server.fixture())) {
      pot = seeder.request("POT", Instant.now());
      bulk = seeder.request("BULK", Instant.now());
    }
    Answer add = admin.post(CATALOGUE + "/templates", "template_service", "POT", "template_title", "Crew booked",
        "template_body", "A crew will fill this hole this week.", "template_status", "action_scheduled");
    assertThat(add.status()).as(add.text()).isEqualTo(303);
    assertThat(add.headers().firstValue("Location")).hasValue("/staff/catalogue?jurisdiction=" + J
        + "&done=created");

    Answer blank = admin.post(CATALOGUE + "/templates", "template_service", "POT", "template_title", " ",
        "template_body", "No title");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(fieldError(blank, "template_title"))
        .isEqualTo("Give the template a short title (at most 100 characters).");
    Answer badService = admin.post(CATALOGUE + "/templates", "template_service", "NOPE", "template_title", "T",
        "template_body", "B");
    assertThat(badService.status()).isEqualTo(400);
    assertThat(fieldError(badService, "template_service")).isNotBlank();

    String potPage = admin.get("/staff/requests/" + J + "/" + pot).text();
    assertThat(potPage).contains("<select id=\"template\"")
        .contains("<option value=\"A crew will fill this hole this week.\" data-status=\"action_scheduled\">"
            + "Crew booked</option>");
    String bulkPage = admin.get("/staff/requests/" + J + "/" + bulk).text();
    assertThat(bulkPage).as("a template for potholes is not offered on bulk pickups").doesNotContain("Crew booked");

    String list = admin.get("/staff/catalogue?jurisdiction=" + J).text();
    Matcher m = Pattern.compile("href=\"/staff/catalogue/" + Pattern.quote(J) + "/templates/(\\d+)/delete\"")
        .matcher(list);
    assertThat(m.find()).as(list).isTrue();
    String confirm = admin.get(CATALOGUE + "/templates/" + m.group(1) + "/delete").text();
    assertThat(confirm).as("deleting asks first, saying what it does")
        .contains("Deleting the response template Crew booked removes it for good.")
        .contains("action=\"/staff/catalogue/" + J + "/templates/" + m.group(1) + "/delete\"");
    assertThat(list).contains("<strong>Crew booked</strong>");
    Answer delete = admin.post(CATALOGUE + "/templates/" + m.group(1) + "/delete");
    assertThat(delete.status()).isEqualTo(303);
    assertThat(admin.get("/staff/catalogue?jurisdiction=" + J).text()).doesNotContain("Crew booked");
    assertThat(admin.get("/staff/requests/" + J + "/" + pot).text()).doesNotContain("Crew booked")
        .doesNotContain("<select id=\"template\"");
    assertThat(admin.post(CATALOGUE + "/templates/" + m.group(1) + "/delete").status())
        .as("deleting it twice").isEqualTo(404);
  }

  @Test
  void everyoneWhoMayReadARequestSeesItsQuestionsEvenOnceItsServiceIsRetired() {
    created(new ServiceForm("MURAL", "Mural damage").field("agency_responsible", "Highways")
        .attribute("WALL", "string", true, "1", "Which wall is it on?", "", ""));
    Answer posted = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code",
        "MURAL", "lat", "40.0", "long", "-74.0", "attribute[WALL]", "Bridge underpass"));
    assertThat(posted.status()).as(posted.text()).isEqualTo(200);
    String page = "/staff/requests/" + J + "/" + posted.json().get(0).get("service_request_id").asLong();
    String answer = "<dt>Which wall is it on?</dt><dd>Bridge underpass</dd>";
    for (StaffClient who : List.of(admin, agent, viewer)) {
      assertThat(who.get(page).text()).contains(answer);
    }

    assertThat(admin.post(CATALOGUE + "/services/MURAL/retire").status()).isEqualTo(303);
    assertThat(listed("MURAL")).as("retired").isNull();
    for (StaffClient who : List.of(admin, agent, viewer)) {
      assertThat(who.get(page).text()).as("the question of a retired service").contains(answer);
    }
  }

  @Test
  void agentsAndViewersAreRefusedEveryCatalogueRoute() {
    List<String> gets = List.of("/staff/catalogue", "/staff/catalogue?jurisdiction=" + J, CATALOGUE + "/new",
        CATALOGUE + "/services/POT");
    List<String> posts = List.of(CATALOGUE + "/new", CATALOGUE + "/services/POT", CATALOGUE + "/services/POT/retire",
        CATALOGUE + "/services/POT/restore", CATALOGUE + "/services/POT/delete", CATALOGUE + "/templates",
        CATALOGUE + "/templates/1/delete");
    String[] fields = new ServiceForm("POT", "Taken over").field("template_title", "T").field("template_body", "B")
        .pairs();
    for (StaffClient who : List.of(agent, viewer)) {
      for (String path : gets) {
        assertThat(who.get(path).status()).as("GET " + path).isEqualTo(403);
      }
      for (String path : posts) {
        assertThat(who.post(path, fields).status()).as("POST " + path).isEqualTo(403);
      }
    }
    JsonNode pot = listed("POT");
    assertThat(pot).as("POT is neither retired nor deleted").isNotNull();
    assertThat(pot.get("service_name").asText()).isEqualTo("Pothole");
  }
}
