package org.civic311.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (from its Maven Central webjar) run on the page a browser shows. */
public final class Axe {
  private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String script;

  private Axe() {}

  /** Every serious or critical violation on the page as it is, one description each. */
  public static synchronized List<String> seriousViolations(WebDriver driver) {
    if (script == null) {
      try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IllegalStateException("axe-core is not on the test class path (org.webjars.npm:axe-core)");
        }
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(script);
    String json = String.valueOf(js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']})"
        + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('axe failed: ' + e); });"));
    if (json.startsWith("axe failed")) {
      throw new AssertionError(json);
    }
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode v : JSON.readTree(json)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          StringBuilder s = new StringBuilder(impact + " " + v.get("id").asText() + ": " + v.get("help").asText());
          for (JsonNode n : v.get("nodes")) {
            s.append("\n    ").append(n.get("target")).append(' ').append(n.get("html").asText());
          }
          serious.add(s.toString());
        }
      }
    } catch (IOException e) {
      throw new AssertionError("axe answered something that is not JSON: " + json, e);
    }
    return serious;
  }
}
