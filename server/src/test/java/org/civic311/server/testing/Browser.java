package org.civic311.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a whole test class, driven by Selenium. Register it as a static
 * field: {@code @RegisterExtension static final Browser browser = new Browser(Browser.DESKTOP);}.
 *
 * <p>Each test starts at the class's viewport size and may change it with {@link #resize}. When a
 * test (or its {@code @BeforeEach}) throws, the page as it was at that moment is kept: a
 * screenshot and the page source, named after the test, in {@link #folder()}, i.e.
 * {@code server/target/screenshots/<TestClass>/}. The browser quits after the class.
 *
 * <p>It uses {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} from Debian's packages
 * and nothing else: the driver is given explicitly, so Selenium Manager never runs and never
 * downloads a driver or a browser. Without them the tests fail (they do not skip): CI must not
 * pass while the browser journeys silently did not run.
 *
 * <p>Not thread-safe: one test at a time per class, as JUnit runs them by default.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
    TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
  /** A phone held upright (an iPhone 12-15 in CSS pixels). */
  public static final Dimension PHONE = new Dimension(390, 844);
  /** A laptop screen. */
  public static final Dimension DESKTOP = new Dimension(1280, 900);
  /** How long the waiting helpers wait before failing the test. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  // No sandbox (CI runs as root), no GPU, /tmp instead of a possibly small /dev/shm, and none of
  // the browser's own traffic to Google (the machines have no internet; a blocked request would
  // only add time and noise). No QUIC, so every request the tests cause is plain HTTP over TCP.
  // Even so, Debian's Chromium still looked up accounts.google.com, clients2.google.com,
  // update.googleapis.com and start.duckduckgo.com at start (seen with strace), so every name but
  // the loopback's fails at once, without asking DNS: the pages under test are served from this
  // machine, and a page that reaches for the internet (a map tile, a font) fails fast instead of
  // waiting for a DNS timeout.
  private static final String[] FLAGS = {
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"};

  // When a driver starts, Selenium looks for DevTools bindings matching the browser's version and
  // warns when it has none; these tests use no DevTools, and Debian's Chromium is often newer than
  // the bindings. Held in a field: java.util.logging forgets loggers nobody references.
  private static final Logger CDP_VERSION_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  private final Dimension viewport;
  private ChromeDriver driver;
  private Path profile;
  private Path folder;

  /** A browser whose page starts each test at {@link #DESKTOP} size. */
  public Browser() {
    this(DESKTOP);
  }

  /** A browser whose page starts each test at the given viewport size ({@link #PHONE}, {@link #DESKTOP}). */
  public Browser(Dimension viewport) {
    this.viewport = viewport;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    requireInstalled(CHROMIUM, CHROMEDRIVER);
    folder = screenshotRoot().resolve(className(context.getRequiredTestClass()));
    Files.createDirectories(folder);
    profile = Files.createTempDirectory("civic311-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogFile(folder.resolve("chromedriver.log").toFile())
        .build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (WebDriverException e) {
      deleteProfile();
      throw new IllegalStateException("Chromium did not start through " + CHROMEDRIVER + " (its log: "
          + folder.resolve("chromedriver.log") + "). The two must come from the same Debian "
          + "version: run .ci/run, or apt-get install chromium chromium-driver", e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (driver == null) {
      throw new IllegalStateException(
          "Browser must be registered as a static @RegisterExtension field: it starts before all tests");
    }
    resize(viewport);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      deleteProfile();
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    keepEvidence(context, failure);
    throw failure;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    keepEvidence(context, failure);
    throw failure;
  }

  /** The Selenium driver, for anything the helpers here do not cover. */
  public WebDriver driver() {
    return driver;
  }

  /** Loads a page and waits until it has loaded ({@code document.readyState} complete). */
  public void open(String url) {
    driver.get(url);
  }

  /**
   * Sizes the window so that the page gets exactly {@code viewport} CSS pixels (what
   * {@code window.innerWidth} and {@code innerHeight} say, and what screenshots show), for the rest
   * of this test; the next test starts at the class's size again.
   */
  public void resize(Dimension viewport) {
    // Even headless, Chromium keeps room for a window frame and toolbar (about 140 pixels of
    // height), so the window is set, measured, and grown by what the page did not get.
    WebDriver.Window window = driver.manage().window();
    window.setSize(viewport);
    @SuppressWarnings("unchecked")
    List<Long> inner = (List<Long>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
    int width = viewport.getWidth() + (viewport.getWidth() - inner.get(0).intValue());
    int height = viewport.getHeight() + (viewport.getHeight() - inner.get(1).intValue());
    if (width != viewport.getWidth() || height != viewport.getHeight()) {
      window.setSize(new Dimension(width, height));
    }
  }

  /** Saves the visible part of the page as {@code <name>.png} in {@link #folder()} and answers its path. */
  public Path screenshot(String name) {
    Path file = folder.resolve(name + ".png");
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Where this class's screenshots, failure pages and the driver's log go. */
  public Path folder() {
    return folder;
  }

  /**
   * Waits up to {@link #WAIT} for the condition (any {@link ExpectedConditions} method, or a lambda)
   * to answer something other than null or false, and answers that; a timeout fails the test.
   */
  public <T> T waitUntil(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** Waits for the element to be displayed and answers it. */
  public WebElement visible(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Waits for the element to be displayed and enabled, then clicks it. */
  public void click(By locator) {
    waitUntil(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  /** Waits until the element's text is exactly {@code text} (after trimming). */
  public void waitForText(By locator, String text) {
    waitUntil(ExpectedConditions.textToBe(locator, text));
  }

  private void keepEvidence(ExtensionContext context, Throwable failure) {
    if (driver == null) {
      return;
    }
    String name = testName(context) + "-FAILED";
    try {
      screenshot(name);
      Files.writeString(folder.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      // A crashed browser cannot be photographed; the test's own failure is what matters.
      failure.addSuppressed(e);
    }
  }

  static void requireInstalled(Path chromium, Path chromedriver) {
    StringBuilder missing = new StringBuilder();
    for (Path p : new Path[] {chromium, chromedriver}) {
      if (!Files.isExecutable(p)) {
        missing.append(missing.length() == 0 ? "" : " and ").append(p);
      }
    }
    if (missing.length() > 0) {
      throw new IllegalStateException("The browser tests need Debian's Chromium and ChromeDriver, but "
          + missing + " is missing. Run .ci/run, or: apt-get install chromium chromium-driver");
    }
  }

  // server/target/screenshots, found from the compiled test classes (server/target/test-classes)
  // rather than the working directory, which an IDE may set to the repository root.
  private static Path screenshotRoot() {
    try {
      Path classes = Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent().resolve("screenshots");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String className(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  // The method name, plus the invocation's display name for parameterized and repeated tests.
  private static String testName(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse("class");
    String display = context.getDisplayName();
    if (display.startsWith(method + "(") || display.equals(method)) {
      return method;
    }
    return method + "-" + display.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_|_$", "");
  }

  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // A leftover profile in /tmp harms nothing.
    }
    profile = null;
  }
}
