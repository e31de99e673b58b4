package org.civic311.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {
  static final String GOOD = """
      server:
        contact: ops@example.org
      jurisdictions:
        - id: city.example.org
          name: Example City
          time_zone: Europe/Paris
          api_keys:
            - key: a-long-key-1
              label: tests
          services:
            - code: LAMP
              name: Street light
              attributes:
                - code: FAULT
                  order: 1
                  datatype: singlevaluelist
                  description: What is wrong?
                  values:
                    - { key: DARK, name: Dark }
      """;

  @Test
  void theBundledDemoIsValidAndRealistic() {
    Configuration demo = ConfigurationLoader.demo();
    assertThat(demo.jurisdictions()).hasSize(1);
    assertThat(demo.jurisdictions().get(0).services().size()).isGreaterThanOrEqualTo(10);
    assertThat(demo.jurisdictions().get(0).apiKeys().get(0).key()).isEqualTo("demo-key");
    assertThat(demo.limits()).as("the demo writes the defaults out").isEqualTo(LimitSettings.defaults());
  }

  @Test
  void aGoodFileLoadsWithDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("civic311.yaml");
    Files.writeString(file, GOOD);
    Configuration c = ConfigurationLoader.load(file);
    assertThat(c.server().port()).isEqualTo(8080);
    assertThat(c.server().basePath()).isEqualTo("/open311/v2");
    assertThat(c.database().url()).isEqualTo("jdbc:sqlite:civic311.db");
    assertThat(c.jurisdictions().get(0).services().get(0).type()).isEqualTo("realtime");
  }

  @Test
  void anUpstreamIsReadAndItsMappingsNameKnownServicesAndAttributes() {
    String good = GOOD.replace("  time_zone: Europe/Paris\n", "  time_zone: Europe/Paris\n    upstream:\n"
        + "      url: https://council.example.gov/open311/v2\n      api_key: abc\n"
        + "      service_codes: {LAMP: \"0042\"}\n      attributes: {LAMP: {FAULT: fault}}\n");
    UpstreamSettings u = ConfigurationLoader.parse(good, "c.yaml").jurisdictions().get(0).upstream();
    assertThat(u.url()).isEqualTo("https://council.example.gov/open311/v2");
    assertThat(u.serviceCodes()).containsEntry("LAMP", "0042");
    assertThat(u.forwards("LAMP")).isTrue();
    assertThat(u.timeoutSeconds()).isEqualTo(30);
    String bad = GOOD.replace("  time_zone: Europe/Paris\n", "  time_zone: Europe/Paris\n    upstream:\n"
        + "      url: file:///etc/passwd\n      services: [NOPE]\n"
        + "      attributes:\n        LAMP:\n          COLOUR: colour\n");
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("line 8 (jurisdictions[0].upstream.url): url must be the upstream's http or https")
        .hasMessageContaining("line 9 (jurisdictions[0].upstream.services[0]): service 'NOPE' is not in")
        .hasMessageContaining("line 12 (jurisdictions[0].upstream.attributes.LAMP.COLOUR): service 'LAMP' has no "
            + "attribute 'COLOUR'");
  }

  @Test
  void aServiceTargetIsOptionalAndMustBeAWholeNumberOfDays() {
    assertThat(ConfigurationLoader.parse(GOOD, "c.yaml").jurisdictions().get(0).services().get(0).slaDays()).isNull();
    String target = GOOD.replace("        name: Street light\n", "        name: Street light\n        sla_days: 5\n");
    assertThat(ConfigurationLoader.parse(target, "c.yaml").jurisdictions().get(0).services().get(0).slaDays())
        .isEqualTo(5);
    String bad = GOOD.replace("        name: Street light\n", "        name: Street light\n        sla_days: 0\n");
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("sla_days must be a whole number of days from 1 to 1000, not 0");
  }

  @Test
  void aMirrorNeedsAnHttpUrlAndNoServicesOfItsOwn() {
    String good = "server: {port: 0}\njurisdictions:\n  - id: m.example.org\n    name: Mirror\n"
        + "    time_zone: Europe/Paris\n    mirror:\n      url: https://311.other.example/open311/v2\n"
        + "      jurisdiction_id: other.example\n      every_seconds: 60\n";
    MirrorSettings m = ConfigurationLoader.parse(good, "c.yaml").jurisdictions().get(0).mirror();
    assertThat(m.url()).isEqualTo("https://311.other.example/open311/v2");
    assertThat(m.everySeconds()).isEqualTo(60);
    assertThat(m.sinceDays()).isEqualTo(90);
    String bad = GOOD.replace("  time_zone: Europe/Paris\n", "  time_zone: Europe/Paris\n    mirror:\n"
        + "      url: ftp://311.other.example/\n      every_seconds: 0\n");
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("line 8 (jurisdictions[0].mirror.url): url must be the mirrored endpoint's http or https")
        .hasMessageContaining("line 9 (jurisdictions[0].mirror.every_seconds): every_seconds must be between 1")
        .hasMessageContaining("(jurisdictions[0].services): a mirror copies its source's services");
  }

  @Test
  void openDataTermsAreOptionalAndCheckedWithTheirLine() {
    assertThat(ConfigurationLoader.parse(GOOD, "c.yaml").jurisdictions().get(0).openData())
        .isEqualTo(OpenDataSettings.NONE);
    String terms = GOOD.replace("  time_zone: Europe/Paris\n", "  time_zone: Europe/Paris\n    open_data:\n"
        + "      licence: https://creativecommons.org/licenses/by/4.0/\n      licence_name: CC-BY-4.0\n"
        + "      publisher: Example City Open Data Office\n      contact_email: opendata@example.org\n");
    assertThat(ConfigurationLoader.parse(terms, "c.yaml").jurisdictions().get(0).openData()).isEqualTo(
        new OpenDataSettings("https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0",
            "Example City Open Data Office", "opendata@example.org"));
    String bad = GOOD.replace("  time_zone: Europe/Paris\n", "  time_zone: Europe/Paris\n    open_data:\n"
        + "      licence: creative commons\n      contact_email: nobody\n");
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("line 8 (jurisdictions[0].open_data.licence): licence must be")
        .hasMessageContaining("(jurisdictions[0].open_data.licence_name): licence_name is required")
        .hasMessageContaining("line 9 (jurisdictions[0].open_data.contact_email): contact_email must be");
  }

  @Test
  void rateLimitsDefaultKeyByKeyAndBadOnesAreNamedWithTheirLine() {
    Configuration none = ConfigurationLoader.parse(GOOD, "c.yaml");
    assertThat(none.limits().apiKey()).isEqualTo(LimitSettings.DEFAULT_API_KEY);
    assertThat(none.limits().signInAddress()).isEqualTo(LimitSettings.DEFAULT_SIGN_IN_ADDRESS);
    String some = GOOD + "limits:\n  api_key: { per_minute: 600 }\n  page_address:\n    burst: 3\n";
    LimitSettings l = ConfigurationLoader.parse(some, "c.yaml").limits();
    assertThat(l.apiKey()).isEqualTo(new RateSettings(600, LimitSettings.DEFAULT_API_KEY.burst()));
    assertThat(l.pageAddress()).isEqualTo(new RateSettings(LimitSettings.DEFAULT_PAGE_ADDRESS.perMinute(), 3));
    assertThat(l.apiAddress()).isEqualTo(LimitSettings.DEFAULT_API_ADDRESS);
    String bad = GOOD + "limits:\n  api_address:\n    per_minute: 0\n    burst: 2000000\n";
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("line 22 (limits.api_address.per_minute): per_minute must be between 1 and 1000000")
        .hasMessageContaining("line 23 (limits.api_address.burst): burst must be between 1 and 1000000");
  }

  @Test
  void operationsDefaultToMetricsForLoopbackOnlyAndBadValuesAreNamedWithTheirLine() {
    OperationsSettings none = ConfigurationLoader.parse(GOOD, "c.yaml").operations();
    assertThat(none.metrics()).isTrue();
    assertThat(none.metricsAllow()).containsExactly("127.0.0.0/8", "::1/128");
    assertThat(none.metricsToken()).isNull();
    assertThat(none.writerStuckSeconds()).isEqualTo(30);
    String some = GOOD + "operations:\n  metrics_allow: [10.0.0.0/8, \"2001:db8::/32\"]\n"
        + "  metrics_token: a-token-of-twenty-chars\n  writer_stuck_seconds: 5\n";
    OperationsSettings o = ConfigurationLoader.parse(some, "c.yaml").operations();
    assertThat(o.metricsAllow()).containsExactly("10.0.0.0/8", "2001:db8::/32");
    assertThat(o.metricsToken()).isEqualTo("a-token-of-twenty-chars");
    String bad = GOOD + "operations:\n  metrics_allow: [10.0.0.0/33, example.org]\n  metrics_token: short\n";
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("(operations.metrics_allow[0]): '10.0.0.0/33' has a prefix length that is not"
            + " between 0 and 32")
        .hasMessageContaining("(operations.metrics_allow[1]): 'example.org' is not an address block")
        .hasMessageContaining("(operations.metrics_token): metrics_token must be at least 16 characters");
  }

  @Test
  void anUnknownKeyNamesFileLineKeyAndTheKnownKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, GOOD.replace("name: Street light", "nmae: Street light"));
    assertThatThrownBy(() -> ConfigurationLoader.load(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 12")
        .hasMessageContaining("jurisdictions[0].services[0]")
        .hasMessageContaining("unknown key 'nmae'")
        .hasMessageContaining("known keys");
  }

  @Test
  void aWrongValueTypeNamesTheLine() {
    assertThatThrownBy(() -> ConfigurationLoader.parse(GOOD.replace("order: 1", "order: first"), "c.yaml"))
        .hasMessageContaining("c.yaml: line 15")
        .hasMessageContaining("order");
  }

  @Test
  void brokenYamlIsReportedWithItsLine() {
    assertThatThrownBy(() -> ConfigurationLoader.parse("server:\n  contact: [unclosed\n", "c.yaml"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("c.yaml: line");
  }

  @Test
  void semanticFaultsAreAllReportedWithLineAndKey() {
    String bad = GOOD
        .replace("time_zone: Europe/Paris", "time_zone: Mars/Olympus")
        .replace("datatype: singlevaluelist", "datatype: colour")
        .replace("key: a-long-key-1", "key: short");
    assertThatThrownBy(() -> ConfigurationLoader.parse(bad, "c.yaml"))
        .hasMessageContaining("c.yaml: line 6 (jurisdictions[0].time_zone): 'Mars/Olympus' is not a time zone")
        .hasMessageContaining("(jurisdictions[0].api_keys[0].key)")
        .hasMessageContaining("line 16 (jurisdictions[0].services[0].attributes[0].datatype)");
  }

  @Test
  void listAttributesNeedValuesAndOthersRefuseThem() {
    String noValues = GOOD.replace("values:", "datatype_description: none").replace("- { key: DARK, name: Dark }", "");
    assertThatThrownBy(() -> ConfigurationLoader.parse(noValues, "c.yaml"))
        .hasMessageContaining("needs values");
    String stringWithValues = GOOD.replace("datatype: singlevaluelist", "datatype: string");
    assertThatThrownBy(() -> ConfigurationLoader.parse(stringWithValues, "c.yaml"))
        .hasMessageContaining("only singlevaluelist and multivaluelist take values");
  }

  @Test
  void duplicateServiceCodesAndOrdersAreRefused() {
    String dup = GOOD + """
            - code: LAMP
              name: Another
      """;
    assertThatThrownBy(() -> ConfigurationLoader.parse(dup, "c.yaml"))
        .hasMessageContaining("(jurisdictions[0].services[1].code): code 'LAMP' is used by another service");
  }

  @Test
  void jurisdictionIdsThatDifferOnlyInCaseAreRefused() {
    String twin = GOOD + """
        - id: City.Example.ORG
          name: Twin
          time_zone: Europe/Paris
      """;
    assertThatThrownBy(() -> ConfigurationLoader.parse(twin, "c.yaml"))
        .hasMessageContaining("(jurisdictions[1].id): id 'City.Example.ORG' is used by another jurisdiction");
  }

  @Test
  void aHostIsReadAndMustLookLikeOne() {
    String loopback = GOOD.replace("contact: ops@example.org", "contact: ops@example.org\n  host: 127.0.0.1");
    assertThat(ConfigurationLoader.parse(loopback, "c.yaml").server().host()).isEqualTo("127.0.0.1");
    assertThat(ConfigurationLoader.parse(GOOD, "c.yaml").server().host()).as("named nowhere").isNull();
    assertThatThrownBy(() -> ConfigurationLoader.parse(GOOD.replace("contact: ops@example.org",
        "contact: ops@example.org\n  host: every where"), "c.yaml"))
        .hasMessageContaining("line 3 (server.host): host must be an address");
  }

  @Test
  void noJurisdictionIsRefused() {
    assertThatThrownBy(() -> ConfigurationLoader.parse("server:\n  contact: x\n", "c.yaml"))
        .hasMessageContaining("at least one jurisdiction");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ConfigurationLoader.load(missing))
        .hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
  }
}
