package org.civic311.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The browser harness itself, against a one-page server that knows nothing of Civic311. */
class BrowserSelfTest {
  @RegisterExtension
  static final Browser browser = new Browser(Browser.DESKTOP);

  private static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Browser self-test</title>
        <style>
          body { font-family: sans-serif; margin: 2rem; }
          button { font-size: 1.2rem; padding: .5rem 1rem; }
          #message { font-size: 1.5rem; color: #1a5; }
        </style>
      </head>
      <body>
        <h1>Pothole on Main Street</h1>
        <p id="message">Not clicked yet</p>
        <button id="close" onclick="document.getElementById('message').textContent = 'Closed by staff'">
          Close request
        </button>
      </body>
      </html>
      """;

  private static HttpServer server;
  private static String url;

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  @Test
  void clickingTheButtonRunsItsScript() {
    browser.open(url);
    assertThat(browser.visible(By.id("message")).getText()).isEqualTo("Not clicked yet");

    browser.click(By.id("close"));

    browser.waitForText(By.id("message"), "Closed by staff");
    Path shot = browser.screenshot("button-clicked");
    assertThat(shot).isRegularFile().hasParent(browser.folder());
    assertThat(browser.folder()).endsWithRaw(Path.of("target", "screenshots", "BrowserSelfTest"));
    assertThat(viewport())
        .containsExactly((long) Browser.DESKTOP.getWidth(), (long) Browser.DESKTOP.getHeight());
  }

  @Test
  void aTestMayUseAPhoneSizedWindow() throws IOException {
    browser.resize(Browser.PHONE);
    browser.open(url);

    assertThat(viewport()).containsExactly((long) Browser.PHONE.getWidth(), (long) Browser.PHONE.getHeight());
    BufferedImage shot = ImageIO.read(browser.screenshot("phone").toFile());
    assertThat(shot.getWidth()).isEqualTo(Browser.PHONE.getWidth());
    assertThat(shot.getHeight()).isEqualTo(Browser.PHONE.getHeight());
  }

  @Test
  void aMissingBrowserFailsWithWhatToInstall() {
    assertThatThrownBy(() -> Browser.requireInstalled(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
        .hasMessageContaining("/nonexistent/chromium is missing")
        .hasMessageContaining(".ci/run")
        .hasMessageContaining("apt-get install chromium chromium-driver");
  }

  @SuppressWarnings("unchecked")
  private static List<Long> viewport() {
    return (List<Long>) ((JavascriptExecutor) browser.driver())
        .executeScript("return [window.innerWidth, window.innerHeight]");
  }
}
