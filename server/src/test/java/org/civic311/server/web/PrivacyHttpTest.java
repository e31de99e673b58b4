package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The submitter's personal details (section 10 of GEOREPORT.md): stored for the city, never in
 * any public output. The database is read with plain JDBC, beside the server, to prove both.
 */
class PrivacyHttpTest {
  static final String API = "/open311/v2";
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());

  /** Column of service_requests -> a value distinctive enough that any leak is unmistakable. */
  static final Map<String, String> PERSONAL = new LinkedHashMap<>();

  static {
    PERSONAL.put("email", "quokka.privacy.7f3a@example.net");
    PERSONAL.put("phone", "+1-555-0199-7731");
    PERSONAL.put("first_name", "Zebulonprobe");
    PERSONAL.put("last_name", "Quillfeatherprobe");
    PERSONAL.put("device_id", "device-probe-9c1e44");
    PERSONAL.put("account_id", "account-probe-42b8d0");
  }

  static String postWithPersonalDetails(String serviceCode, String... extra) {
    String[] pairs = new String[6 + PERSONAL.size() * 2 + extra.length];
    int i = 0;
    for (String s : new String[] {"api_key", TestConfig.KEY, "service_code", serviceCode, "description",
        "Privacy probe"}) {
      pairs[i++] = s;
    }
    for (Map.Entry<String, String> e : PERSONAL.entrySet()) {
      pairs[i++] = e.getKey();
      pairs[i++] = e.getValue();
    }
    for (String s : extra) {
      pairs[i++] = s;
    }
    Answer a = server.http().postForm(API + "/requests.json", form(pairs));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  static long count(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM service_requests WHERE id = ?")) {
      s.setLong(1, Long.parseLong(id));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void personalDetailsAreStoredInTheirColumns() throws Exception {
    String id = postWithPersonalDetails("POT", "address_string", "4 Birch St");
    try (Connection c = server.connect();
        PreparedStatement s = c.prepareStatement("SELECT email, phone, first_name, last_name, device_id, account_id"
            + " FROM service_requests WHERE id = ?")) {
      s.setLong(1, Long.parseLong(id));
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("row " + id).isTrue();
        for (Map.Entry<String, String> e : PERSONAL.entrySet()) {
          assertThat(rs.getString(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
      }
    }
  }

  @Test
  void personalDetailsAppearInNoPublicOutput() {
    String id = postWithPersonalDetails("LAMP", "lat", "40.71", "long", "-74.01", "attribute[FAULT]", "DARK");
    List<String> paths = List.of(
        "/requests.xml", "/requests.json",
        "/requests.xml?service_request_id=" + id, "/requests.json?service_request_id=" + id,
        "/requests.json?service_code=LAMP&status=open",
        "/requests/" + id + ".xml", "/requests/" + id + ".json",
        "/services.xml", "/services.json",
        "/services/LAMP.xml", "/services/LAMP.json",
        "/discovery.xml", "/discovery.json");
    for (String path : paths) {
      Answer a = server.http().get(API + path);
      assertThat(a.status()).as(path).isEqualTo(200);
      String everything = a.headers().map() + "\n" + a.text();
      for (Map.Entry<String, String> e : PERSONAL.entrySet()) {
        assertThat(everything).as(e.getKey() + " in " + path).doesNotContain(e.getValue());
      }
    }
    // The searches above really did find the request, so the check looked at it.
    assertThat(server.http().get(API + "/requests/" + id + ".json").text()).contains("Privacy probe");
    assertThat(server.http().get(API + "/requests.xml").text()).contains("<service_request_id>" + id + "<");
    assertThat(server.http().get(API + "/requests.json").text()).contains("\"service_request_id\":\"" + id + "\"");
  }

  @Test
  void personalDetailsAreNotEchoedInErrors() {
    // A refused post (no location) must not quote the submitter's details back either.
    Answer a = server.http().postForm(API + "/requests.xml", form("api_key", TestConfig.KEY, "service_code", "POT",
        "email", PERSONAL.get("email"), "phone", PERSONAL.get("phone"), "first_name", PERSONAL.get("first_name")));
    assertThat(a.status()).isEqualTo(400);
    for (Map.Entry<String, String> e : PERSONAL.entrySet()) {
      assertThat(a.text()).as(e.getKey()).doesNotContain(e.getValue());
    }
  }

  @Test
  void theRowIsDurableWhenThePostIsAnswered() throws Exception {
    // Open the reader first so it is a connection that existed before the write.
    try (Connection before = server.connect()) {
      for (int i = 0; i < 20; i++) {
        String id = postWithPersonalDetails("POT", "address_string", i + " Durable Way");
        try (Connection fresh = server.connect()) {
          assertThat(count(fresh, id)).as("fresh connection, request " + id).isEqualTo(1);
        }
        assertThat(count(before, id)).as("older connection, request " + id).isEqualTo(1);
      }
    }
  }
}
