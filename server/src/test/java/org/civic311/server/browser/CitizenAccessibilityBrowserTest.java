package org.civic311.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.media.SamplePhotos;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Browser;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public pages for people who do not use a mouse or do not see the screen: a whole report
 * made with the keyboard alone, by address, without the map; and every kind of page checked with
 * axe-core (from Maven Central's webjar), failing on any serious or critical violation.
 * Screenshots go to {@code server/target/screenshots/CitizenAccessibilityBrowserTest/}.
 */
class CitizenAccessibilityBrowserTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  @RegisterExtension
  static final Browser browser = new Browser(Browser.PHONE);

  private static final String AXE_SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String base;
  private static String axe;
  /** A request with a photo, a map and a public update: the fullest track page. */
  private static String tracked;

  @BeforeAll
  static void prepare() throws IOException {
    base = "http://127.0.0.1:" + server.http().port();
    try (InputStream in = CitizenAccessibilityBrowserTest.class.getClassLoader().getResourceAsStream(AXE_SCRIPT)) {
      assertThat(in).as("axe-core on the test class path (org.webjars.npm:axe-core)").isNotNull();
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    tracked = requestWithPhoto();
    Answer update = server.http().postForm(Http.API + "/servicerequestupdates.json", form("api_key", TestConfig.KEY,
        "service_request_id", tracked, "update_id", "A11Y-1", "status", "IN_PROGRESS",
        "updated_datetime", "2026-03-01T10:00:00Z", "description", "A crew is booked for Tuesday."));
    assertThat(update.status()).as(update.text()).isEqualTo(200);
  }

  @BeforeEach
  void startAsANewVisitor() {
    browser.open(base + "/static/citizen.css");
    driver().manage().deleteAllCookies();
  }

  // The keyboard-only report ------------------------------------------------------------------

  @Test
  void aKeyboardUserReportsAPotholeByAddressWithoutTheMap() {
    reportWithTheKeyboard("phone");
  }

  @Test
  void theKeyboardPathWorksOnADesktop() {
    browser.resize(Browser.DESKTOP);
    reportWithTheKeyboard("desktop");
  }

  private void reportWithTheKeyboard(String size) {
    browser.open(base + "/");
    press(Keys.TAB);
    assertThat(active().getAttribute("class")).isEqualTo("skip");
    assertThat(active().getText()).isEqualTo("Skip to content");
    assertThat(active().isDisplayed()).as("the skip link shows when focused").isTrue();
    shot(size, "keyboard-1-skip-link");
    press(Keys.ENTER);
    press(Keys.TAB);
    assertThat(active().getAttribute("id")).as("the skip link leads into the content").isEqualTo("service-search");
    type("pothole");
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[href='/report/LAMP']")));
    press(Keys.TAB);
    assertThat(active().getText()).isEqualTo("Search");
    press(Keys.TAB);
    assertThat(active().getAttribute("href")).as("hidden choices are skipped").endsWith("/report/POT");
    shot(size, "keyboard-2-service-focused");
    press(Keys.ENTER);
    browser.waitUntil(ExpectedConditions.titleContains("Pothole"));

    press(Keys.TAB);
    assertThat(active().getAttribute("class")).isEqualTo("skip");
    press(Keys.ENTER);
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 30 && !order.contains("submit-report"); i++) {
      press(Keys.TAB);
      String name = name(active());
      order.add(name);
      if (name.equals("address_string")) {
        type("14 Keyboard Lane, by the bus shelter");
        shot(size, "keyboard-3-address-typed");
      } else if (name.equals("description")) {
        type("Pothole reported without a mouse");
      }
    }
    assertThat(order.get(0)).isEqualTo("a:← Choose another problem type");
    assertThat(order).as("focus order").containsSubsequence("pick-map", "locate", "address_string", "description",
        "media", "first_name", "last_name", "email", "phone", "submit-report")
        .doesNotContain("website", "lat", "long");
    shot(size, "keyboard-4-submit-focused");
    press(Keys.ENTER);

    browser.waitUntil(ExpectedConditions.urlContains("/thanks"));
    String id = browser.visible(By.id("request-id")).getText();
    shot(size, "keyboard-5-thanks");
    JsonNode r = server.http().get(Http.API + "/requests/" + id + ".json").json().get(0);
    assertThat(r.get("address").asText()).isEqualTo("14 Keyboard Lane, by the bus shelter");
    assertThat(r.get("description").asText()).isEqualTo("Pothole reported without a mouse");
    assertThat(r.path("lat").isNull() || r.path("lat").isMissingNode()).as("no place on the map: %s", r).isTrue();
  }

  // axe-core on every kind of page ------------------------------------------------------------

  @Test
  void theStartPageHasNoSeriousAccessibilityViolations() {
    browser.open(base + "/");
    assertNoSeriousViolations("start");
    browser.resize(Browser.DESKTOP);
    assertNoSeriousViolations("start, desktop");
  }

  @Test
  void theReportFormHasNoSeriousAccessibilityViolations() {
    browser.open(base + "/report/LAMP");
    browser.waitUntil(ExpectedConditions.attributeContains(By.id("pick-map"), "class", "leaflet-container"));
    assertNoSeriousViolations("report form");
    browser.resize(Browser.DESKTOP);
    assertNoSeriousViolations("report form, desktop");
  }

  @Test
  void theReportFormWithErrorsHasNoSeriousAccessibilityViolations() {
    browser.open(base + "/report/LAMP");
    driver().findElement(By.id("email")).sendKeys("not an address");
    browser.click(By.id("submit-report"));
    browser.visible(By.id("problems"));
    assertThat(driver().findElements(By.cssSelector(".field-problem"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(driver().switchTo().activeElement().getAttribute("id")).as("the summary takes the focus")
        .isEqualTo("problems");
    assertThat(driver().findElement(By.id("problems")).getText()).as("each problem names its question")
        .contains("What is wrong? – Answer this question.");
    browser.click(By.partialLinkText("What is wrong?"));
    assertThat(driver().getCurrentUrl()).endsWith("#field-attribute-FAULT");
    shot("phone", "axe-report-errors");
    assertNoSeriousViolations("report form with errors");
  }

  @Test
  void theThanksTrackBrowseAndUnsubscribePagesHaveNoSeriousAccessibilityViolations() {
    browser.open(base + "/thanks?id=" + tracked + "&following=1");
    browser.visible(By.id("request-id"));
    assertNoSeriousViolations("thanks");

    browser.open(base + "/requests/" + tracked);
    browser.waitUntil(ExpectedConditions.attributeContains(By.id("small-map"), "class", "leaflet-container"));
    assertThat(driver().findElements(By.cssSelector("ul.photos img"))).hasSize(1);
    assertThat(driver().findElement(By.id("history")).getText()).contains("A crew is booked for Tuesday.");
    shot("phone", "axe-track");
    assertNoSeriousViolations("track");

    browser.open(base + "/browse");
    browser.waitUntil(d -> !d.findElements(By.cssSelector("#browse-map .leaflet-marker-icon")).isEmpty());
    shot("phone", "axe-browse");
    assertNoSeriousViolations("browse");

    String token = server.fixture().app().followers().follow(Long.parseLong(tracked), "a11y@example.org", "en")
        .token();
    browser.open(base + "/unsubscribe/" + token);
    browser.visible(By.id("unsubscribe"));
    assertNoSeriousViolations("unsubscribe");
    browser.click(By.id("unsubscribe"));
    browser.visible(By.id("unsubscribed"));
    assertNoSeriousViolations("unsubscribed");
  }

  // helpers -----------------------------------------------------------------------------------

  /** Runs axe-core on the page as it is and fails with every serious or critical violation listed. */
  private static void assertNoSeriousViolations(String page) {
    js(axe);
    Object answer = ((JavascriptExecutor) driver()).executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']})"
        + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('axe failed: ' + e); });");
    String json = String.valueOf(answer);
    assertThat(json).as("axe on the %s page", page).doesNotStartWith("axe failed");
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode v : JSON.readTree(json)) {
        String impact = v.path("impact").asText();
        if (!impact.equals("serious") && !impact.equals("critical")) {
          continue;
        }
        StringBuilder s = new StringBuilder(impact + " " + v.get("id").asText() + ": " + v.get("help").asText());
        for (JsonNode n : v.get("nodes")) {
          s.append("\n    ").append(n.get("target")).append(' ').append(n.get("html").asText())
              .append("\n      ").append(n.path("failureSummary").asText().replace("\n", " "));
        }
        serious.add(s.toString());
      }
    } catch (IOException e) {
      throw new AssertionError("axe answered something that is not JSON: " + json, e);
    }
    assertThat(serious).as("serious and critical axe-core violations on the %s page (%s)", page,
        driver().getCurrentUrl()).isEmpty();
  }

  /** Makes a pothole report with a photo through the API, as a phone app would. */
  private static String requestWithPhoto() {
    String boundary = "----civic311a11y";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String[] fields = {"api_key", TestConfig.KEY, "service_code", "POT", "lat", "38.91", "long", "-77.03",
        "address_string", "5 Axe Street", "description", "Deep hole next to the crossing"};
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"hole.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(SamplePhotos.jpeg(320, 240));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Answer a = server.http().post(Http.API + "/requests.json", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
    assertThat(a.status()).as(a.text()).isEqualTo(200);
    return a.json().get(0).get("service_request_id").asText();
  }

  /** The focused element's id, else its tag and text. */
  private static String name(WebElement e) {
    String id = e.getAttribute("id");
    return id != null && !id.isEmpty() ? id : e.getTagName() + ":" + e.getText().strip();
  }

  private static WebElement active() {
    return driver().switchTo().activeElement();
  }

  private static void press(CharSequence key) {
    new Actions(driver()).sendKeys(key).perform();
  }

  private static void type(String text) {
    new Actions(driver()).sendKeys(text).perform();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver()).executeScript(script, args);
  }

  private static void shot(String size, String step) {
    browser.screenshot(size + "-" + step);
  }

  private static WebDriver driver() {
    return browser.driver();
  }
}
