package org.civic311.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.civic311.server.testing.Answer;
import org.civic311.server.testing.Browser;
import org.civic311.server.testing.Http;
import org.civic311.server.testing.RunningServer;
import org.civic311.server.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API's page at {@code /docs}: Swagger UI, served from the jar under its own content security
 * policy, shows every documented operation, and its "Try it out" reaches the API (so the policy
 * lets the page call this server). Screenshots go to {@code server/target/screenshots/ApiDocsBrowserTest/}.
 */
class ApiDocsBrowserTest {
  @RegisterExtension
  static final RunningServer server = new RunningServer(TestConfig.city());
  @RegisterExtension
  static final Browser browser = new Browser(Browser.DESKTOP);

  private static String base() {
    return "http://127.0.0.1:" + server.http().port();
  }

  /**
   * Loads the page afresh (a change of the fragment alone would not open another operation) and
   * waits until Swagger UI has drawn the operations. Its script is large, so on a busy machine
   * that may take longer than the browser's usual wait.
   */
  private static void openDocs(String fragment) {
    browser.open("about:blank");
    browser.open(base() + "/docs" + fragment);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock")));
  }

  @Test
  void thePageListsEveryDocumentedOperation() {
    Answer document = server.http().get(Http.API + "/openapi.json");
    int operations = 0;
    for (JsonNode path : document.json().get("paths")) {
      for (String method : List.of("get", "post")) {
        operations += path.has(method) ? 1 : 0;
      }
    }
    openDocs("");
    browser.visible(By.cssSelector(".opblock"));
    List<WebElement> shown = browser.driver().findElements(By.cssSelector(".opblock"));
    assertThat(shown).hasSize(operations);
    assertThat(browser.driver().findElement(By.cssSelector(".info .title")).getText()).contains("Civic311 API");
    assertThat(browser.driver().findElements(By.cssSelector(".opblock-summary-path")))
        .extracting(e -> e.getAttribute("data-path"))
        .contains(Http.API + "/requests.{format}", "/data/requests.csv", "/feeds/requests/{file}");
    browser.screenshot("operations");
  }

  @Test
  void tryItOutCallsTheApiFromThePage() {
    openDocs("#/discovery/getDiscovery");
    WebElement operation = browser.visible(By.id("operations-discovery-getDiscovery"));
    browser.click(By.cssSelector("#operations-discovery-getDiscovery .try-out__btn"));
    new Select(operation.findElement(By.cssSelector(".parameters select"))).selectByVisibleText("json");
    browser.click(By.cssSelector("#operations-discovery-getDiscovery .execute"));
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#operations-discovery-getDiscovery .live-responses-table tr.response .response-col_status"), "200"));
    assertThat(operation.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description")).getText())
        .contains("page_size_max");
    browser.screenshot("try-it-out");
  }

  @Test
  void aPostShowsItsFormFieldsAndRateLimitHeaders() {
    openDocs("#/requests/postRequest");
    WebElement operation = browser.visible(By.id("operations-requests-postRequest"));
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#operations-requests-postRequest .opblock-body"), "RateLimit-Remaining"));
    assertThat(operation.getText()).contains("attribute[CODE]", "api_key", "service_code", "address_string",
        "multipart/form-data", "429");
    browser.screenshot("post-request");
  }

  @Test
  void thePageKeepsAStrictPolicyOfItsOwn() {
    Answer page = server.http().get("/docs");
    assertThat(page.status()).isEqualTo(200);
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'none'", "script-src 'self';", "connect-src 'self'",
        "frame-ancestors 'none'").doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.text()).contains("data-document=\"" + Http.API + "/openapi.json\"")
        .doesNotContain("<script>", "https://");
    assertThat(server.http().get("/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
    assertThat(server.http().get("/docs/leaflet/leaflet.js").status()).isEqualTo(404);
  }
}
