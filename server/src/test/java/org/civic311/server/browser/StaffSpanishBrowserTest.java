package org.civic311.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Axe;
import org.civic311.server.testing.Browser;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.StaffAccounts;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator works in Spanish (chosen with the header's switch, then kept by the cookie),
 * from signing in to a fixed request, a confirmation and the catalogue's translations; and a
 * resident sees that catalogue in Spanish. Every staff page on the way is checked with axe-core.
 * Screenshots go to {@code server/target/screenshots/StaffSpanishBrowserTest/}.
 */
class StaffSpanishBrowserTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.translatedCity());
  @RegisterExtension
  static final Browser browser = new Browser(Browser.DESKTOP);
  private static String base;

  @BeforeAll
  static void prepare() {
    base = "http://127.0.0.1:" + server.http().port();
    StaffAccounts.create(server.fixture(), "ana", "administrator");
  }

  @org.junit.jupiter.api.BeforeEach
  void startSignedOut() {
    browser.open(base + "/staff/assets/staff.css");
    driver().manage().deleteAllCookies();
  }

  static WebDriver driver() {
    return browser.driver();
  }

  static void accessible(String page) {
    assertThat(Axe.seriousViolations(driver())).as("serious and critical axe-core violations on the %s page (%s)",
        page, driver().getCurrentUrl()).isEmpty();
  }

  @Test
  void anAdministratorWorksInSpanishFromSignInToAFixedRequest() {
    Answer posted = server.http().postForm(Http.API + "/requests.json", Http.form("api_key", TestConfig.KEY,
        "service_code", "LAMP", "lat", "40.0", "long", "-74.0", "description", "Farola apagada",
        "attribute[FAULT][]", "DARK", "attribute[SIDE]", "N"));
    assertThat(posted.status()).as(posted.text()).isEqualTo(200);
    String id = posted.json().get(0).get("service_request_id").asText();

    browser.open(base + "/staff/login");
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    browser.click(By.id("language-switch"));
    browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Iniciar sesión"));
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    accessible("sign-in");
    browser.screenshot("1-iniciar-sesion");

    browser.visible(By.id("username")).sendKeys("ana");
    driver().findElement(By.id("password")).sendKeys(StaffAccounts.PASSWORD);
    driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.titleContains("Cola"));
    assertThat(driver().findElement(By.cssSelector("nav[aria-label=Oficina]")).getText()).contains("Catálogo")
        .contains("Claves de API").contains("Cuentas");
    accessible("queue");
    browser.screenshot("2-cola");

    browser.open(base + "/staff/requests/" + TestConfig.CITY + "/" + id);
    assertThat(browser.visible(By.id("current-status")).getText()).isEqualTo("Abierta");
    assertThat(driver().findElement(By.cssSelector("section[aria-labelledby=details-h]")).getText())
        .as("an answer's name, not its key").contains("North").contains("Not lit");
    accessible("request");
    browser.screenshot("3-solicitud");

    new Select(driver().findElement(By.id("update-status"))).selectByValue("fixed");
    driver().findElement(By.id("update-note")).sendKeys("Farola reparada.");
    driver().findElement(By.cssSelector("#update-form button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.urlContains("done=updated"));
    assertThat(browser.visible(By.cssSelector("p.notice")).getText())
        .isEqualTo("La actualización pública está guardada.");
    assertThat(driver().findElement(By.id("current-status")).getText()).isEqualTo("Cerrada");
    assertThat(driver().findElement(By.id("current-detailed")).getText()).isEqualTo("Resuelta");
    assertThat(driver().findElement(By.id("history")).getText()).containsPattern("\\d\\d:\\d\\d E[SD]T");
    browser.screenshot("4-solicitud-resuelta");

    browser.open(base + "/staff/keys");
    driver().findElement(By.id("label")).sendKeys("App de baches");
    driver().findElement(By.cssSelector("#issue-form button[type=submit]")).click();
    browser.visible(By.id("issued-key"));
    accessible("keys");
    browser.click(By.xpath("//tr[td[text()='App de baches']]//a[contains(@class, 'danger')]"));
    assertThat(browser.visible(By.cssSelector("#confirm-form .warning")).getText())
        .contains("App de baches").contains("No se puede deshacer");
    accessible("confirmation");
    browser.screenshot("5-confirmar-revocacion");
    browser.click(By.id("confirm"));
    browser.waitUntil(ExpectedConditions.urlContains("done=revoked"));
    assertThat(browser.visible(By.cssSelector("p.notice")).getText()).isEqualTo("La clave está revocada.");

    for (String page : new String[] {"users", "audit", "catalogue"}) {
      browser.open(base + "/staff/" + page);
      accessible(page);
    }
    browser.screenshot("6-catalogo");
  }

  @Test
  void aTranslatedCatalogueIsEditedByStaffAndReadByResidentsInSpanish() {
    browser.open(base + "/staff/login?lang=es");
    browser.visible(By.id("username")).sendKeys("ana");
    driver().findElement(By.id("password")).sendKeys(StaffAccounts.PASSWORD);
    driver().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.titleContains("Cola"));

    browser.open(base + "/staff/catalogue/" + TestConfig.CITY + "/services/POT");
    assertThat(browser.visible(By.id("translations")).getDomProperty("value")).contains("es name = Bache");
    driver().findElement(By.id("translations")).sendKeys("\nes description = Un hoyo en la calle");
    accessible("service form");
    browser.screenshot("7-traducciones");
    driver().findElement(By.cssSelector("#service-form button[type=submit]")).click();
    browser.waitUntil(ExpectedConditions.urlContains("done=saved"));

    browser.open(base + "/?lang=es");
    assertThat(browser.visible(By.tagName("main")).getText()).contains("Bache").contains("Calles");
    browser.screenshot("8-elegir-en-espanol");
    browser.open(base + "/report/POT");
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Bache");
    assertThat(driver().findElement(By.tagName("main")).getText()).contains("Un hoyo en la calle");
    browser.screenshot("9-informe-en-espanol");
    browser.open(base + "/report/LAMP");
    assertThat(driver().findElement(By.tagName("main")).getText()).contains("¿En qué lado?").contains("Norte");
    browser.open(base + "/report/POT?lang=en");
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Pothole");
  }
}
