package org.civic311.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.server.testing.Browser;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public pages in Spanish, chosen with {@code ?lang=es} or with the language link in the
 * header (the browser itself asks for English), down to the messages of a form sent empty.
 * Screenshots go to {@code server/target/screenshots/CitizenSpanishBrowserTest/}.
 */
class CitizenSpanishBrowserTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  @RegisterExtension
  static final Browser browser = new Browser(Browser.PHONE);

  private static String base;

  @BeforeAll
  static void address() {
    base = "http://127.0.0.1:" + server.http().port();
  }

  @BeforeEach
  void startAsANewVisitor() {
    browser.open(base + "/static/citizen.css");
    driver().manage().deleteAllCookies();
  }

  @Test
  void langEsGivesSpanishHeadingsLabelsAndValidationMessages() {
    browser.open(base + "/?lang=es");
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Reportar un problema");
    assertThat(driver().findElement(By.cssSelector("label[for=service-search]")).getText())
        .isEqualTo("Buscar tipos de problema");
    assertThat(driver().findElement(By.cssSelector("a.skip")).getAttribute("textContent")).isEqualTo("Ir al contenido");
    assertThat(driver().findElement(By.cssSelector("header nav")).getText()).contains("Reportes recientes")
        .contains("English");
    browser.screenshot("es-1-start");

    browser.click(By.cssSelector("a[href='/report/LAMP']"));
    browser.waitUntil(ExpectedConditions.titleContains("Reporte"));
    assertThat(browser.visible(By.cssSelector("#field-location legend")).getText()).isEqualTo("¿Dónde está?");
    assertThat(driver().findElement(By.cssSelector("label[for=description]")).getText())
        .isEqualTo("Describa el problema (obligatorio)");
    assertThat(driver().findElement(By.cssSelector("label[for=address_string]")).getText())
        .isEqualTo("Dirección o descripción del lugar");
    assertThat(driver().findElement(By.id("submit-report")).getText()).isEqualTo("Enviar reporte");
    browser.screenshot("es-2-form");

    driver().findElement(By.id("email")).sendKeys("no es un correo");
    browser.click(By.id("submit-report"));
    browser.visible(By.id("problems"));
    assertThat(driver().findElement(By.cssSelector("#problems h2")).getText()).isEqualTo("Revise estos campos");
    assertThat(driver().findElement(By.id("problem-location")).getText())
        .isEqualTo("Elija el lugar en el mapa, use su ubicación o escriba la dirección.");
    assertThat(driver().findElement(By.id("problem-description")).getText()).isEqualTo("Describa el problema.");
    assertThat(driver().findElement(By.cssSelector("#field-attribute-FAULT .field-problem")).getText())
        .isEqualTo("Responda esta pregunta.");
    assertThat(driver().findElement(By.id("problem-email")).getText())
        .isEqualTo("Escriba un correo como nombre@ejemplo.com, o déjelo vacío.");
    assertThat(driver().switchTo().activeElement().getAttribute("id")).as("the summary takes the focus")
        .isEqualTo("problems");
    browser.screenshot("es-3-errors");
  }

  @Test
  void theLanguageLinkSwitchesToSpanishAndIsRemembered() {
    browser.open(base + "/browse");
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Recent reports");
    browser.click(By.linkText("Español"));
    browser.waitUntil(ExpectedConditions.urlContains("lang=es"));
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Reportes recientes");
    assertThat(driver().findElement(By.cssSelector("label[for=service]")).getText()).isEqualTo("Tipo de problema");
    browser.screenshot("es-4-browse-switched");

    browser.click(By.cssSelector("header nav a[href='/']"));
    assertThat(browser.visible(By.tagName("h1")).getText()).as("remembered without ?lang")
        .isEqualTo("Reportar un problema");
    browser.click(By.cssSelector("a[href='/report/POT']"));
    assertThat(browser.visible(By.cssSelector("label[for=email]")).getText()).isEqualTo("Correo electrónico");
    browser.screenshot("es-5-form-remembered");

    browser.click(By.linkText("English"));
    assertThat(browser.visible(By.cssSelector("label[for=email]")).getText()).isEqualTo("Email");
    assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
  }

  private static WebDriver driver() {
    return browser.driver();
  }
}
