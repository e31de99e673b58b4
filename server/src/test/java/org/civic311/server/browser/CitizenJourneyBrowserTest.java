package org.civic311.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.server.testing.Http.form;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Browser;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.StaffClient;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
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
 * A resident's journeys on the public pages, in headless Chromium against the real server: report
 * a street light with every kind of question and a photo, say "me too" to a pothole already
 * reported nearby, and follow a report to its fix, with the status mail found in the outbox and
 * its unsubscribe link used. Each outcome is checked again through the GeoReport API.
 * Screenshots go to {@code server/target/screenshots/CitizenJourneyBrowserTest/}.
 *
 * <p>All posts come from one client address, and the pages allow ten in ten minutes: these
 * journeys use eight. Each journey picks its own place on the map (a different pixel offset from
 * the map's centre, about 3 km apart at the starting zoom), so none sees another's reports as
 * nearby duplicates.
 */
class CitizenJourneyBrowserTest {
  static final Path OUTBOX = temporaryFolder("civic311-outbox-browser");
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city().outbox(OUTBOX));
  @RegisterExtension
  static final Browser browser = new Browser(Browser.PHONE);

  private static final String API = Http.API;
  private static final Pattern UNSUBSCRIBE = Pattern.compile("http://\\S+/unsubscribe/[A-Za-z0-9_-]+");
  private static String base;
  private static Path photo;

  @BeforeAll
  static void prepare() throws IOException {
    StaffAccounts.create(server.fixture(), "sam", "administrator");
    base = "http://127.0.0.1:" + server.http().port();
    photo = Files.createTempFile("civic311-lamp", ".jpg");
    ImageIO.write(picture(2400, 1800), "jpg", photo.toFile());
  }

  @AfterAll
  static void removeFiles() throws IOException {
    Files.deleteIfExists(photo);
    try (Stream<Path> files = Files.walk(OUTBOX)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @BeforeEach
  void startAsANewVisitor() {
    browser.open(base + "/static/citizen.css");
    driver().manage().deleteAllCookies();
  }

  // 1. The whole report ----------------------------------------------------------------------

  @Test
  void aResidentReportsAStreetLightWithEveryKindOfAnswerAndAPhoto() throws IOException {
    reportAStreetLight("phone", -60);
  }

  @Test
  void theSameReportWorksOnADesktop() throws IOException {
    browser.resize(Browser.DESKTOP);
    reportAStreetLight("desktop", 60);
  }

  private void reportAStreetLight(String size, int mapOffset) throws IOException {
    browser.open(base + "/");
    browser.visible(By.id("service-search")).sendKeys("lamp");
    browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[href='/report/POT']")));
    assertThat(browser.visible(By.cssSelector("a[href='/report/LAMP']")).getText()).contains("Street light out");
    shot(size, "report-1-service-found");
    browser.click(By.cssSelector("a[href='/report/LAMP']"));
    browser.waitUntil(ExpectedConditions.titleContains("Street light out"));

    Map<String, String> place = pickOnMap(mapOffset);
    assertThat(driver().findElement(By.id("locate-status")).getText()).isEqualTo("Place set on the map.");
    shot(size, "report-2-place-picked");

    String description = "Lamp by the library is dark at night (" + size + ")";
    driver().findElement(By.id("description")).sendKeys(description);
    clickLabelOf("q-FAULT-DARK");
    clickLabelOf("q-FAULT-FLICKER");
    clickLabelOf("q-SIDE-S");
    driver().findElement(By.id("q-POLE")).sendKeys("P-" + size);
    driver().findElement(By.id("q-HEIGHT")).sendKeys("6.5");
    WebElement seen = driver().findElement(By.id("q-SEEN"));
    // Chromium's date-and-time field in US English: month, day, year, hour, minute, AM/PM.
    seen.sendKeys("11202026", Keys.ARROW_RIGHT, "0930P");
    assertThat(seen.getDomProperty("value")).isEqualTo("2026-11-20T21:30");
    scrollTo(By.id("field-attribute-FAULT"));
    shot(size, "report-3-questions-answered");

    WebElement media = driver().findElement(By.id("media"));
    long original = Files.size(photo);
    media.sendKeys(photo.toString());
    // The page's script swaps the chosen file for a smaller JPEG drawn in a canvas.
    browser.waitUntil(d -> ((Number) js("var f = document.getElementById('media').files;"
        + " return f.length === 1 ? f[0].size : -1;")).longValue() != original
        && driver().findElement(By.id("submit-report")).isEnabled());
    driver().findElement(By.id("email")).sendKeys("lamp." + size + "@example.org");
    scrollTo(By.id("field-media"));
    shot(size, "report-4-photo-and-email");

    browser.click(By.id("submit-report"));
    browser.waitUntil(ExpectedConditions.urlContains("/thanks"));
    String id = browser.visible(By.id("request-id")).getText();
    assertThat(id).matches("\\d+");
    assertThat(driver().findElement(By.tagName("main")).getText()).contains("We will email you");
    shot(size, "report-5-thanks");

    browser.click(By.id("track-link"));
    browser.waitUntil(ExpectedConditions.urlContains("/requests/" + id));
    assertThat(browser.visible(By.id("status")).getText()).isEqualTo("Open");
    assertThat(driver().findElement(By.cssSelector("dl.fields")).getText()).contains(description);
    assertThat(driver().findElements(By.cssSelector("ul.photos img"))).hasSize(1);
    browser.waitUntil(ExpectedConditions.attributeContains(By.id("small-map"), "class", "leaflet-container"));
    shot(size, "report-6-track");
    scrollTo(By.cssSelector("ul.photos"));
    shot(size, "report-7-track-photo");

    JsonNode r = server.http().get(API + "/requests/" + id + ".json?extensions=true").json().get(0);
    assertThat(r.get("service_code").asText()).isEqualTo("LAMP");
    assertThat(r.get("description").asText()).isEqualTo(description);
    assertThat(r.get("lat").asDouble()).isCloseTo(Double.parseDouble(place.get("lat")),
        org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.get("long").asDouble()).isCloseTo(Double.parseDouble(place.get("long")),
        org.assertj.core.data.Offset.offset(1e-6));
    assertThat(r.toString()).doesNotContain("lamp." + size + "@example.org");
    Map<String, List<String>> answers = answers(r.get("extended_attributes").get("attributes"));
    assertThat(answers).containsEntry("FAULT", List.of("DARK", "FLICKER")).containsEntry("SIDE", List.of("S"))
        .containsEntry("POLE", List.of("P-" + size)).containsEntry("HEIGHT", List.of("6.5"))
        .containsEntry("SEEN", List.of("2026-11-20T21:30:00-05:00"));
    String mediaUrl = r.get("media_url").asText();
    assertThat(mediaUrl).contains("/media/");
    Answer stored = server.http().get(URI.create(mediaUrl).getPath());
    assertThat(stored.status()).isEqualTo(200);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored.body()));
    assertThat(image.getWidth()).as("shrunk on the device to 1600 pixels at most").isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(1200);
  }

  // 2. Nearby duplicates and "me too" ---------------------------------------------------------

  @Test
  void aPotholeAlreadyReportedNearbyIsOfferedAndMeTooCountsForIt() {
    meToo("phone", 0);
  }

  @Test
  void meTooWorksOnADesktop() {
    browser.resize(Browser.DESKTOP);
    meToo("desktop", 120);
  }

  private void meToo(String size, int mapOffset) {
    browser.open(base + "/report/POT");
    Map<String, String> place = pickOnMap(mapOffset);
    // Someone reported the same hole a few metres away a little earlier.
    String earlier = "Crater in the cycle lane, " + size;
    Answer made = server.http().postForm(API + "/requests.json", form("api_key", TestConfig.KEY, "service_code", "POT",
        "lat", Double.toString(Double.parseDouble(place.get("lat")) + 0.0002), "long", place.get("long"),
        "description", earlier));
    assertThat(made.status()).as(made.text()).isEqualTo(200);
    String existing = made.json().get(0).get("service_request_id").asText();

    driver().findElement(By.id("description")).sendKeys("Big hole, bikes swerve into traffic");
    browser.click(By.id("submit-report"));
    WebElement nearby = browser.visible(By.id("nearby"));
    assertThat(nearby.findElement(By.tagName("h2")).getText()).isEqualTo("Is it one of these?");
    assertThat(nearby.getText()).contains(earlier).contains("#" + existing).contains("no one else yet");
    assertThat(driver().findElement(By.id("description")).getDomProperty("value"))
        .isEqualTo("Big hole, bikes swerve into traffic");
    assertThat(driver().findElement(By.id("submit-report")).getText())
        .isEqualTo("It is not one of these: send my report");
    scrollTo(By.id("nearby"));
    shot(size, "metoo-1-nearby-offered");

    browser.click(By.cssSelector("button[name=me_too][value='" + existing + "']"));
    browser.waitUntil(ExpectedConditions.urlContains("/requests/" + existing + "?supported=1"));
    assertThat(browser.visible(By.cssSelector("p.notice")).getText())
        .isEqualTo("Thank you. Your \"me too\" was counted.");
    assertThat(driver().findElement(By.id("support")).getText()).isEqualTo("1");
    assertThat(driver().findElements(By.id("me-too"))).as("counted once per browser").isEmpty();
    shot(size, "metoo-2-counted");

    JsonNode r = server.http().get(API + "/requests/" + existing + ".json?extensions=true").json().get(0);
    assertThat(r.get("extended_attributes").get("support_count").asText()).isEqualTo("1");
    assertThat(server.http().get(API + "/requests.json?service_code=POT&status=open").json().findValuesAsText(
        "description")).as("no second request was made").doesNotContain("Big hole, bikes swerve into traffic");
  }

  // 3. Following a report to its fix ----------------------------------------------------------

  @Test
  void aStaffStatusChangeShowsOnTheTrackPageAndIsMailedWithAWorkingUnsubscribeLink() throws Exception {
    String email = "follow.fix@example.org";
    browser.open(base + "/report/POT");
    browser.visible(By.id("address_string")).sendKeys("200 Fixit Avenue");
    driver().findElement(By.id("description")).sendKeys("Pothole outside the school gate");
    driver().findElement(By.id("email")).sendKeys(email);
    browser.click(By.id("submit-report"));
    browser.waitUntil(ExpectedConditions.urlContains("/thanks"));
    String id = browser.visible(By.id("request-id")).getText();

    StaffClient sam = StaffClient.signIn(server.http(), "sam", StaffAccounts.PASSWORD);
    Answer update = sam.post("/staff/requests/" + TestConfig.CITY + "/" + id + "/update", "status", "fixed",
        "note", "Filled and rolled this morning.");
    assertThat(update.status()).as(update.text()).isEqualTo(303);

    browser.click(By.id("track-link"));
    browser.waitUntil(ExpectedConditions.urlContains("/requests/" + id));
    assertThat(browser.visible(By.id("status")).getText()).isEqualTo("Closed · Fixed");
    assertThat(driver().findElement(By.id("history")).getText()).contains("Fixed")
        .contains("Filled and rolled this morning.");
    assertThat(driver().findElements(By.id("me-too"))).as("no support for a closed request").isEmpty();
    shot("phone", "follow-1-track-fixed");

    MimeMessage mail = awaitMailTo(email);
    String body = (String) mail.getContent();
    String mailBase = "http://localhost:" + server.http().port();
    assertThat(mail.getSubject()).isEqualTo("Request " + id + " (Pothole): fixed");
    assertThat(body).contains(mailBase + "/requests/" + id).contains("Filled and rolled this morning.");
    Matcher link = UNSUBSCRIBE.matcher(body);
    assertThat(link.find()).as("an unsubscribe link in: %s", body).isTrue();
    String token = link.group().substring(link.group().lastIndexOf('/') + 1);

    browser.open(link.group());
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Stop emails");
    assertThat(driver().findElement(By.tagName("main")).getText()).contains("Stop the emails about report " + id);
    shot("phone", "follow-2-unsubscribe-asks");
    browser.click(By.id("unsubscribe"));
    assertThat(browser.visible(By.id("unsubscribed")).getText())
        .isEqualTo("You will get no more emails about report " + id + ".");
    shot("phone", "follow-3-unsubscribed");
    assertThat(server.fixture().app().followers().find(token)).get()
        .extracting(FollowerRecord::unsubscribedAt).isNotNull();
  }

  // helpers -----------------------------------------------------------------------------------

  /**
   * Clicks the place picker {@code dx} pixels right of its centre (its tiles fail offline; the
   * click still places the marker) and answers the hidden lat and long it set.
   */
  private Map<String, String> pickOnMap(int dx) {
    browser.waitUntil(ExpectedConditions.attributeContains(By.id("pick-map"), "class", "leaflet-container"));
    WebElement map = driver().findElement(By.id("pick-map"));
    scrollTo(By.id("pick-map"));
    new Actions(driver()).moveToElement(map, dx, 20).click().perform();
    browser.waitUntil(d -> !d.findElement(By.id("lat")).getDomProperty("value").isEmpty());
    browser.visible(By.cssSelector("#pick-map .leaflet-marker-icon"));
    return Map.of("lat", driver().findElement(By.id("lat")).getDomProperty("value"),
        "long", driver().findElement(By.id("long")).getDomProperty("value"));
  }

  private void clickLabelOf(String inputId) {
    browser.click(By.cssSelector("label[for='" + inputId + "']"));
    assertThat(driver().findElement(By.id(inputId)).isSelected()).as(inputId).isTrue();
  }

  /** The answers in {@code extended_attributes.attributes} (code and value pairs), by code. */
  private static Map<String, List<String>> answers(JsonNode attributes) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (JsonNode a : attributes) {
      out.computeIfAbsent(a.get("code").asText(), c -> new ArrayList<>()).add(a.get("value").asText());
    }
    return out;
  }

  /** Waits up to 15 seconds for the status mail (the notifier looks every second). */
  private static MimeMessage awaitMailTo(String address) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    Session session = Session.getInstance(new Properties());
    while (true) {
      if (Files.isDirectory(OUTBOX)) {
        try (Stream<Path> files = Files.list(OUTBOX)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
            try (InputStream in = Files.newInputStream(f)) {
              MimeMessage m = new MimeMessage(session, in);
              if (m.getRecipients(MimeMessage.RecipientType.TO)[0].toString().equalsIgnoreCase(address)) {
                return m;
              }
            }
          }
        }
      }
      assertThat(System.nanoTime()).as("a mail to %s in %s within 15 s", address, OUTBOX).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** A photo-like picture: a sky gradient over a dark street with a lamp post. */
  static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(20, 30, 70), 0, height, new Color(240, 160, 80)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(50, 50, 55));
    g.fillRect(0, height * 3 / 4, width, height / 4);
    g.setColor(new Color(90, 90, 90));
    g.fillRect(width / 2 - 20, height / 5, 40, height * 3 / 5);
    g.dispose();
    return image;
  }

  private static Path temporaryFolder(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scrollTo(By locator) {
    js("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -8);", driver().findElement(locator));
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
