package org.civic311.server.command;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.civic311.client.validate.Options;
import org.civic311.client.validate.Report;
import org.civic311.client.validate.ReportWriter;
import org.civic311.client.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks any Open311 endpoint from outside. Only the options live here; the checks are the
 * client module's {@code validate} package, so a city can run them without the server.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check an Open311 GeoReport v2 endpoint against the standard.",
        "Exit status 0 when no error is found, 1 when one is, 2 for bad options.",
        "Nothing is posted unless --post names a service."})
final class ValidateCommand implements Callable<Integer> {
  enum OutputFormat { text, json, junit }

  @Parameters(index = "0", paramLabel = "URL",
      description = "The endpoint's base URL (…/open311/v2) or its discovery URL (…/discovery.xml).")
  String url;

  @Option(names = "--api-key", paramLabel = "KEY", description = "API key, sent only with --post.")
  String apiKey;

  @Option(names = "--jurisdiction", paramLabel = "ID", description = "jurisdiction_id sent with every call.")
  String jurisdiction;

  @Option(names = "--post", paramLabel = "SERVICE",
      description = "POST one test request to this service code and read it back.")
  String post;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report as text, json or junit (JUnit XML for CI). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(names = "--delay", paramLabel = "MS", defaultValue = "250",
      description = "Pause between calls, in milliseconds. Default: ${DEFAULT-VALUE}.")
  long delayMillis;

  @Option(names = "--max-calls", paramLabel = "N", defaultValue = "60",
      description = "The most calls to make (1 to 1000). Default: ${DEFAULT-VALUE}.")
  int maxCalls;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
      description = "The longest wait for one answer. Default: ${DEFAULT-VALUE}.")
  int timeoutSeconds;

  @Override
  public Integer call() {
    if (delayMillis < 0 || timeoutSeconds < 1 || maxCalls < 1 || maxCalls > 1000) {
      System.err.println("error: --delay must be 0 or more, --timeout at least 1, --max-calls 1 to 1000");
      return 2;
    }
    Options options = Options.of(url).withApiKey(apiKey).withJurisdiction(jurisdiction).withPost(post)
        .withDelay(Duration.ofMillis(delayMillis)).withMaxCalls(maxCalls)
        .withCallTimeout(Duration.ofSeconds(timeoutSeconds));
    Report report = new Validator().run(options);
    String out = switch (format) {
      case text -> ReportWriter.text(report);
      case json -> ReportWriter.json(report);
      case junit -> ReportWriter.junit(report);
    };
    System.out.print(out);
    System.out.flush();
    return report.passed() ? 0 : 1;
  }
}
