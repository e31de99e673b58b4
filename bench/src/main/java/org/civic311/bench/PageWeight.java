package org.civic311.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Page weight and time to interactive of the public pages, in headless Debian Chromium driven
 * through {@code /usr/bin/chromedriver}, at a phone's size (390 x 844 CSS pixels, 3 device pixels
 * a pixel), every load cold (the browser cache is off). Each page is loaded in two modes, one
 * after the other within each round so that a change in the machine's load touches both:
 * {@code fast} (no throttling) and {@code slow4g} (DevTools' "Slow 4G" preset plus a 4x CPU
 * slowdown, Lighthouse's mobile settings; the numbers are in {@link #SLOW_4G}).
 *
 * <p>Only the server's own origin counts as weight. Every other host fails at once without a DNS
 * lookup (as in the browser tests), so the map tiles are asked for, fail, and are counted apart
 * as {@code outside}: the goal is the weight before tiles.
 *
 * <p>Time to interactive is estimated as Lighthouse does, without its network condition: the end
 * of the last long task (over 50 ms, seen by a {@code PerformanceObserver} installed before the
 * page's own scripts) before a quiet window of QUIET_MS without one, and not before
 * {@code DOMContentLoaded} has finished (the page's scripts sit at the end of the body and run
 * before it) nor before the first contentful paint.
 *
 * <p>Weight: {@code sent} is what the browser received (the Resource Timing API's
 * {@code transferSize}: headers and body as sent); {@code raw} the same with every body
 * uncompressed; {@code gzip} the same with every text body gzipped here (level 6, Jetty's
 * default; images as they are), what a server compressing everything would send.
 * {@code served_gzip} counts the text responses the server compressed when asked with
 * {@code Accept-Encoding: gzip}.
 *
 * <p>Usage: {@code PageWeight BASE_URL ROUNDS QUIET_MS PATH...}, run in a scratch folder (the
 * Chromium profile and {@code chromedriver.log} go there). After one unmeasured load of every
 * page, prints one line per path and mode, medians of ROUNDS loads, times in ms from navigation
 * start: {@code mode= path= requests= outside= sent= raw= gzip= served_gzip= html= fcp= dcl= load=
 * tti= longtasks= map= files=}; {@code html} is when the document's last byte arrived (DevTools'
 * throttling holds a response back at its end, so its first byte is no measure), {@code map} says
 * whether Leaflet set up the page's map ({@code none}: the page has none), {@code files} lists
 * the server's responses of the last load as {@code path:bytes sent}.
 */
public final class PageWeight {
  /**
   * DevTools' "Slow 4G" (front_end/core/sdk/NetworkManager.ts, Slow4GConditions): 150 ms RTT
   * times 3.75, 1.6 Mbit/s down and 750 kbit/s up times 0.9; the factors make request-level
   * throttling behave like a packet-level link. Lighthouse's mobileSlow4G is the same link (it
   * counts 1024 bits a kilobit, so 2% more throughput).
   */
  static final Map<String, Object> SLOW_4G = Map.of("offline", false, "latency", 150 * 3.75,
      "downloadThroughput", 1.6 * 1000 * 1000 / 8 * 0.9, "uploadThroughput", 750 * 1000 / 8 * 0.9);
  static final Map<String, Object> NO_THROTTLING = Map.of("offline", false, "latency", 0,
      "downloadThroughput", -1, "uploadThroughput", -1);
  static final int CPU_SLOWDOWN = 4;
  private static final String[] MODES = {"fast", "slow4g"};

  // As server/src/test/java/org/civic311/server/testing/Browser.java: no sandbox, no GPU, none of
  // the browser's own traffic, and every host name but the loopback's fails without asking DNS.
  private static final String[] FLAGS = {
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"};

  /** Installed before any script of the page; long tasks before it are delivered as buffered. */
  private static final String LONG_TASKS = "window.__benchLongTasks = [];"
      + "try { new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) {"
      + " window.__benchLongTasks.push([e.startTime, e.startTime + e.duration]); }); })"
      + ".observe({type: 'longtask', buffered: true}); } catch (e) { window.__benchLongTasks = null; }";

  /** [now, end of the last busy stretch, readyState]: DOMContentLoaded end, FCP, last long task. */
  private static final String BUSY = "var n = performance.getEntriesByType('navigation')[0];"
      + "var last = n ? n.domContentLoadedEventEnd : 0;"
      + "var f = performance.getEntriesByName('first-contentful-paint')[0]; if (f && f.startTime > last) last = f.startTime;"
      + "(window.__benchLongTasks || []).forEach(function (t) { if (t[1] > last) last = t[1]; });"
      + "return [performance.now(), last, document.readyState];";

  private static final String ENTRIES = "var n = performance.getEntriesByType('navigation')[0];"
      + "var f = performance.getEntriesByName('first-contentful-paint')[0];"
      + "function e(x) { return {name: x.name, transfer: x.transferSize, encoded: x.encodedBodySize,"
      + " decoded: x.decodedBodySize}; }"
      + "var map = document.querySelector('#pick-map, #browse-map, #small-map');"
      + "return {nav: e(n), resources: performance.getEntriesByType('resource').map(e),"
      + " html: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
      + " fcp: f ? f.startTime : -1, longtasks: (window.__benchLongTasks || []).length,"
      + " map: map ? (map.classList.contains('leaflet-container') ? 'yes' : 'NO') : 'none'};";

  // No DevTools bindings are used (only executeCdpCommand), but Selenium warns at start when it
  // has none for the browser's version. Held in a field: java.util.logging forgets loggers.
  private static final Logger CDP_VERSION_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private PageWeight() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int rounds = Integer.parseInt(args[1]);
    long quietMs = Long.parseLong(args[2]);
    List<String> paths = List.of(args).subList(3, args.length);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Body> bodies = new HashMap<>();
    Map<String, List<Map<String, Object>>> loads = new LinkedHashMap<>();
    ChromeDriver driver = start(Path.of("").toAbsolutePath());
    try {
      for (String path : paths) {
        load(driver, base + path, quietMs, false);
      }
      for (int round = 0; round < rounds; round++) {
        for (String path : paths) {
          for (String mode : MODES) {
            loads.computeIfAbsent(mode + " " + path, k -> new ArrayList<>())
                .add(load(driver, base + path, quietMs, mode.equals("slow4g")));
          }
        }
      }
    } finally {
      driver.quit();
    }
    for (Map.Entry<String, List<Map<String, Object>>> e : loads.entrySet()) {
      String[] key = e.getKey().split(" ", 2);
      System.out.println(report(key[0], key[1], e.getValue(), base, http, bodies));
    }
  }

  private static ChromeDriver start(Path folder) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + Files.createTempDirectory(folder, "chromium-profile"));
    options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort()
        .withLogFile(folder.resolve("chromedriver.log").toFile())
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(30));
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LONG_TASKS));
    return driver;
  }

  /** One cold load; waits for the load event, then for QUIET_MS without a long task. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(ChromeDriver driver, String url, long quietMs, boolean slow)
      throws InterruptedException {
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", slow ? SLOW_4G : NO_THROTTLING);
    driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", slow ? CPU_SLOWDOWN : 1));
    driver.get(url);
    long deadline = System.nanoTime() + 60_000_000_000L;
    double tti;
    while (true) {
      List<Object> busy = (List<Object>) driver.executeScript(BUSY);
      double now = number(busy.get(0));
      tti = number(busy.get(1));
      if ("complete".equals(busy.get(2)) && now - tti >= quietMs) {
        break;
      }
      if (System.nanoTime() > deadline) {
        System.err.println("PageWeight: " + url + " never went quiet for " + quietMs + " ms; TTI taken as is");
        break;
      }
      Thread.sleep(200);
    }
    Map<String, Object> result = new HashMap<>((Map<String, Object>) driver.executeScript(ENTRIES));
    result.put("tti", tti);
    // Back to normal before the next page, so about:blank and the driver's own calls are not slowed.
    driver.executeCdpCommand("Network.emulateNetworkConditions", NO_THROTTLING);
    driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
    return result;
  }

  /** A response's body size uncompressed and gzipped here, whether it is text, and whether the server gzipped it. */
  private record Body(long raw, long gzipped, boolean text, boolean servedGzip) {}

  @SuppressWarnings("unchecked")
  private static String report(String mode, String path, List<Map<String, Object>> runs, String base,
      HttpClient http, Map<String, Body> bodies) throws IOException, InterruptedException {
    String origin = URI.create(base).resolve("/").toString();
    List<Double> sent = new ArrayList<>(), raw = new ArrayList<>(), gzip = new ArrayList<>();
    int requests = 0, outside = 0, served = 0, text = 0;
    StringBuilder files = new StringBuilder();
    for (Map<String, Object> run : runs) {
      List<Map<String, Object>> entries = new ArrayList<>();
      entries.add((Map<String, Object>) run.get("nav"));
      entries.addAll((List<Map<String, Object>>) run.get("resources"));
      double s = 0, r = 0, g = 0;
      requests = 0;
      outside = 0;
      served = 0;
      text = 0;
      files.setLength(0);
      for (Map<String, Object> e : entries) {
        String name = (String) e.get("name");
        if (!name.startsWith(origin)) {
          outside++;
          continue;
        }
        requests++;
        double transfer = number(e.get("transfer"));
        double headers = Math.max(0, transfer - number(e.get("encoded")));
        Body body = bodies.get(name);
        if (body == null) {
          body = fetch(http, name);
          bodies.put(name, body);
        }
        files.append(files.length() == 0 ? "" : ",").append(name.substring(origin.length() - 1))
            .append(':').append(Math.round(transfer));
        s += transfer;
        r += headers + body.raw();
        g += headers + body.gzipped();
        if (body.text()) {
          text++;
          served += body.servedGzip() ? 1 : 0;
        }
      }
      sent.add(s);
      raw.add(r);
      gzip.add(g);
    }
    Map<String, Object> last = runs.get(runs.size() - 1);
    return String.format(Locale.ROOT, "mode=%s path=%s requests=%d outside=%d sent=%.0f raw=%.0f gzip=%.0f"
        + " served_gzip=%d/%d html=%.0f fcp=%.0f dcl=%.0f load=%.0f tti=%.0f longtasks=%.0f map=%s files=%s",
        mode, path, requests, outside, median(sent), median(raw), median(gzip), served, text,
        median(runs, "html"), median(runs, "fcp"), median(runs, "dcl"), median(runs, "load"),
        median(runs, "tti"), median(runs, "longtasks"), last.get("map"), files);
  }

  private static Body fetch(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> asked = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    String type = plain.headers().firstValue("Content-Type").orElse("");
    boolean text = type.startsWith("text/") || type.contains("javascript") || type.contains("json")
        || type.contains("xml");
    long gz = text ? Math.min(plain.body().length, gzip(plain.body())) : plain.body().length;
    boolean servedGzip = asked.headers().firstValue("Content-Encoding").orElse("").contains("gzip");
    return new Body(plain.body().length, gz, text, servedGzip);
  }

  private static long gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }

  private static double median(List<Map<String, Object>> runs, String key) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> run : runs) {
      values.add(number(run.get(key)));
    }
    return median(values);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double number(Object o) {
    return o == null ? -1 : ((Number) o).doubleValue();
  }
}
