package org.civic311.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Browser;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A city employee's day in the back office, in headless Chromium against the real server: sign
 * in, work a request from the queue to closed, edit the catalogue, issue and revoke an API key,
 * sign out; each outcome is checked again through the GeoReport API. Screenshots of the
 * important steps go to {@code server/target/screenshots/StaffJourneyBrowserTest/}.
 *
 * <p>The tests share one server and one browser; each signs in afresh and makes its own requests
 * with a text of its own, so their order does not matter.
 */
class StaffJourneyBrowserTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  @RegisterExtension
  static final Browser browser = new Browser(Browser.DESKTOP);

  private static final String MARKUP = "<script>window.pwned=1</script> \"quotes\" & 'apostrophes'";
  private static String base;

  @BeforeAll
  static void createAdministrator() {
    StaffAccounts.create(server.fixture(), "ann", "administrator");
    base = "http://127.0.0.1:" + server.http().port();
  }

  @BeforeEach
  void startSignedOut() {
    browser.open(base + "/staff/login");
    driver().manage().deleteAllCookies();
  }

  @Test
  void anAdministratorWorksARequestFromTheQueueToFixed() {
    workARequestToFixed("desktop");
  }

  @Test
  void theSameJourneyWorksOnAPhone() {
    browser.resize(Browser.PHONE);
    workARequestToFixed("phone");
  }

  private void workARequestToFixed(String size) {
    String text = "Deep pothole seen from a " + size;
    String id = postRequest(text, "12 Main St");

    browser.open(base + "/staff/");
    assertThat(driver().getCurrentUrl()).contains("/staff/login");
    browser.visible(By.id("username")).sendKeys("ann");
    driver().findElement(By.id("password")).sendKeys(StaffAccounts.PASSWORD);
    shot(size, "1-sign-in");
    driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.titleContains("Queue"));

    addTemplate("Filled from " + size, "Filled and rolled by the " + size + " crew.");
    shot(size, "2-template-added");

    browser.open(base + "/staff/");
    new Select(browser.visible(By.id("status"))).selectByValue("open");
    new Select(driver().findElement(By.id("service"))).selectByValue("POT");
    driver().findElement(By.id("q")).sendKeys(text);
    driver().findElement(By.cssSelector("form.filters button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.urlContains("service=POT"));
    assertThat(driver().getCurrentUrl()).contains("status=open");
    List<WebElement> rows = driver().findElements(By.cssSelector("table.queue tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains(text).contains("12 Main St");
    // Leaflet, served from the jar, draws the page's requests (its tiles cannot load offline).
    browser.waitUntil(ExpectedConditions.attributeContains(By.id("queue-map"), "class", "leaflet-container"));
    browser.waitUntil(d -> d.findElements(By.cssSelector("#queue-map .leaflet-marker-icon")).size() == 1);
    scrollTo(By.id("queue-map"));
    shot(size, "3-queue-filtered");

    rows.get(0).findElement(By.linkText(id)).click();
    browser.waitUntil(ExpectedConditions.urlContains("/staff/requests/"));
    assertThat(driver().getCurrentUrl()).endsWith("/" + id);
    assertThat(browser.visible(By.id("current-status")).getText()).as("statuses in words").isEqualTo("Open");
    shot(size, "4-request");

    new Select(browser.visible(By.id("template"))).selectByVisibleText("Filled from " + size);
    WebElement note = driver().findElement(By.id("update-note"));
    assertThat(note.getDomProperty("value")).isEqualTo("Filled and rolled by the " + size + " crew.");
    assertThat(new Select(driver().findElement(By.id("update-status"))).getFirstSelectedOption()
        .getDomProperty("value")).isEqualTo("fixed");
    scrollTo(By.id("update-form"));
    shot(size, "5-update-filled-in");
    driver().findElement(By.cssSelector("#update-form button[type=submit]")).click();

    browser.waitUntil(ExpectedConditions.urlContains("done=updated"));
    assertThat(browser.visible(By.cssSelector("p.notice")).getText()).isEqualTo("The public update is saved.");
    assertThat(driver().findElement(By.id("current-status")).getText()).isEqualTo("Closed");
    assertThat(driver().findElement(By.id("current-detailed")).getText()).isEqualTo("Fixed");
    assertThat(driver().findElement(By.id("history")).getText())
        .contains("Fixed").contains("Filled and rolled by the " + size + " crew.");
    shot(size, "6-request-fixed");
    scrollTo(By.id("history-h"));
    shot(size, "7-history");

    JsonNode r = server.http().get(Http.API + "/requests/" + id + ".json").json().get(0);
    assertThat(r.get("status").asText()).isEqualTo("closed");
    assertThat(r.get("status_notes").asText()).isEqualTo("Filled and rolled by the " + size + " crew.");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonNode updates = server.http().get(Http.API + "/servicerequestupdates.json?start_date=" + today.minusDays(1)
        + "&end_date=" + today.plusDays(1) + "&service_request_id=" + id).json();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).get("status").asText()).isEqualTo("fixed");
    assertThat(updates.get(0).get("description").asText()).isEqualTo("Filled and rolled by the " + size + " crew.");
  }

  /** Adds a response template for potholes through the catalogue page. */
  private void addTemplate(String title, String body) {
    browser.open(base + "/staff/catalogue");
    new Select(browser.visible(By.id("template_service"))).selectByValue("POT");
    driver().findElement(By.id("template_title")).sendKeys(title);
    driver().findElement(By.id("template_body")).sendKeys(body);
    new Select(driver().findElement(By.id("template_status"))).selectByValue("fixed");
    driver().findElement(By.cssSelector("#template-form button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.urlContains("done=created"));
    assertThat(driver().findElement(By.cssSelector("ul.templates")).getText()).contains(title).contains(body);
  }

  @Test
  void anAdministratorEditsAServicesAttributes() {
    signIn();
    browser.open(base + "/staff/catalogue");
    browser.click(By.linkText("LAMP"));
    browser.waitUntil(ExpectedConditions.titleContains("Service LAMP"));
    String pole = indexOfAttribute("POLE");
    String blank = indexOfAttribute("");

    browser.click(By.cssSelector("label[for=attr_remove_" + pole + "]"));
    assertThat(driver().findElement(By.id("attr_remove_" + pole)).isSelected()).isTrue();
    driver().findElement(By.id("attr_code_" + blank)).sendKeys("SIZE");
    driver().findElement(By.id("attr_order_" + blank)).sendKeys("8");
    new Select(driver().findElement(By.id("attr_datatype_" + blank))).selectByValue("singlevaluelist");
    driver().findElement(By.id("attr_description_" + blank)).sendKeys("How big is it?");
    driver().findElement(By.id("attr_values_" + blank)).sendKeys("a=Alpha\nb=Beta");
    scrollTo(By.id("attribute-" + blank));
    browser.screenshot("catalogue-1-new-attribute");
    driver().findElement(By.cssSelector("#service-form button[type=submit]")).click();

    assertThat(browser.visible(By.id("removals")).getText()).as("removing a question asks first")
        .contains("(POLE)");
    browser.screenshot("catalogue-1b-confirm-removal");
    browser.click(By.id("confirm"));

    browser.waitUntil(ExpectedConditions.urlContains("done=saved"));
    assertThat(browser.visible(By.cssSelector("p.notice")).getText()).isEqualTo("Saved.");
    browser.screenshot("catalogue-2-saved");

    JsonNode definition = server.http().get(Http.API + "/services/LAMP.json").json();
    List<String> codes = definition.get("attributes").findValuesAsText("code");
    assertThat(codes).contains("SIZE", "FAULT").doesNotContain("POLE");
    JsonNode size = null;
    for (JsonNode a : definition.get("attributes")) {
      if (a.get("code").asText().equals("SIZE")) {
        size = a;
      }
    }
    assertThat(size.get("datatype").asText()).isEqualTo("singlevaluelist");
    assertThat(size.get("description").asText()).isEqualTo("How big is it?");
    assertThat(size.get("values").toString())
        .isEqualTo("[{\"key\":\"a\",\"name\":\"Alpha\"},{\"key\":\"b\",\"name\":\"Beta\"}]");
  }

  /** The row index of the attribute with this code on the service form ("" for the first blank row). */
  private String indexOfAttribute(String code) {
    for (WebElement input : driver().findElements(By.cssSelector("input[id^=attr_code_]"))) {
      if (input.getDomProperty("value").equals(code)) {
        return input.getAttribute("id").substring("attr_code_".length());
      }
    }
    throw new AssertionError("no attribute row with code '" + code + "'");
  }

  @Test
  void anIssuedKeyPostsUntilItIsRevoked() {
    signIn();
    browser.open(base + "/staff/keys");
    browser.visible(By.id("label")).sendKeys("Pothole app");
    driver().findElement(By.cssSelector("#issue-form button[type=submit]")).click();
    String key = browser.visible(By.id("issued-key")).getText();
    assertThat(key).isNotBlank();
    browser.screenshot("keys-1-issued");

    Answer posted = server.http().postForm(Http.API + "/requests.json", Http.form("api_key", key, "service_code",
        "POT", "lat", "40.0", "long", "-74.0", "description", "Sent with a new key"));
    assertThat(posted.status()).as(posted.text()).isIn(200, 201);
    assertThat(posted.json().get(0).get("service_request_id").asText()).isNotBlank();

    browser.open(base + "/staff/keys");
    WebElement row = browser.visible(By.xpath("//tr[td[text()='Pothole app']]"));
    List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    assertThat(cells.get(0)).isEqualTo(key.substring(0, cells.get(0).length() - 1) + "…");
    assertThat(cells.get(3)).as("issued from").isEqualTo("staff");
    assertThat(cells.get(5)).as("last used").isNotBlank();
    assertThat(cells.get(6)).as("requests posted").isEqualTo("1");
    browser.screenshot("keys-2-used");
    row.findElement(By.cssSelector("a.danger")).click();
    assertThat(browser.visible(By.cssSelector("#confirm-form .warning")).getText()).contains("cannot be undone");
    browser.screenshot("keys-2b-confirm-revoke");
    browser.click(By.id("confirm"));
    browser.waitUntil(ExpectedConditions.urlContains("done=revoked"));
    assertThat(browser.visible(By.xpath("//tr[td[text()='Pothole app']]")).getText()).contains("revoked");
    browser.screenshot("keys-3-revoked");

    Answer refused = server.http().postForm(Http.API + "/requests.json", Http.form("api_key", key, "service_code",
        "POT", "lat", "40.0", "long", "-74.0", "description", "Sent with a revoked key"));
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
  }

  @Test
  void markupInADescriptionAndAddressShowsAsText() {
    String id = postRequest(MARKUP, MARKUP);
    signIn();
    browser.open(base + "/staff/?q=window.pwned");
    WebElement row = browser.visible(By.cssSelector("table.queue tbody tr"));
    assertThat(row.findElement(By.cssSelector(".description")).getText()).isEqualTo(MARKUP);
    assertThat(row.findElement(By.cssSelector(".address")).getText()).isEqualTo(MARKUP);
    assertNoScriptRan();
    browser.screenshot("escaping-1-queue");

    row.findElement(By.linkText(id)).click();
    browser.waitUntil(ExpectedConditions.urlContains("/" + id));
    List<String> values = driver().findElements(By.cssSelector("dl.fields dd")).stream()
        .map(WebElement::getText).toList();
    assertThat(values).contains(MARKUP).filteredOn(MARKUP::equals).hasSize(2);
    assertNoScriptRan();
    browser.screenshot("escaping-2-request");
  }

  private static void assertNoScriptRan() {
    assertThat(ExpectedConditions.alertIsPresent().apply(driver())).isNull();
    assertThat(((JavascriptExecutor) driver()).executeScript("return typeof window.pwned")).isEqualTo("undefined");
  }

  @Test
  void signingOutSendsTheQueueBackToSignIn() {
    signIn();
    browser.click(By.cssSelector("form.signout button[type=submit]"));
    browser.waitUntil(ExpectedConditions.urlContains("signed_out=1"));
    assertThat(browser.visible(By.cssSelector("p.notice")).getText()).isEqualTo("You are signed out.");
    browser.screenshot("signed-out");

    browser.open(base + "/staff/");
    assertThat(driver().getCurrentUrl()).contains("/staff/login?next=");
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    assertThat(driver().findElements(By.cssSelector("form.signout"))).isEmpty();
  }

  private static void signIn() {
    browser.open(base + "/staff/login");
    browser.visible(By.id("username")).sendKeys("ann");
    driver().findElement(By.id("password")).sendKeys(StaffAccounts.PASSWORD);
    driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.titleContains("Queue"));
  }

  private static String postRequest(String description, String address) {
    Answer a = server.http().postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
        "service_code", "POT", "lat", "40.0", "long", "-74.0", "description", description,
        "address_string", address));
    assertThat(a.status()).as(a.text()).isIn(200, 201);
    return a.json().get(0).get("service_request_id").asText();
  }

  private static void scrollTo(By locator) {
    ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
        driver().findElement(locator));
  }

  /** Saves a screenshot of the step, after checking that the page fits the window's width. */
  private static void shot(String size, String step) {
    browser.screenshot(size + "-" + step);
    Object overflow = ((JavascriptExecutor) driver())
        .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).as("pixels the page at step %s is wider than the window", step)
        .isLessThanOrEqualTo(0);
  }

  private static WebDriver driver() {
    return browser.driver();
  }
}
