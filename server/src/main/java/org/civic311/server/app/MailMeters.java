package org.civic311.server.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.civic311.server.domain.citizen.StatusNotifier;

/**
 * The status mails as meters: mails sent, refused for good and lost, mailer failures, and how
 * long ago a pass last finished (it grows when the mail job is stuck or failing).
 */
final class MailMeters {
  private final Counter sent;
  private final Counter refused;
  private final Counter lost;
  private final Counter mailerFailures;
  private final Counter passFailures;
  private final AtomicLong lastPass = new AtomicLong(System.nanoTime());

  MailMeters(MeterRegistry registry) {
    sent = Counter.builder("civic311.mail.sent").description("Status mails handed to the mailer")
        .register(registry);
    refused = Counter.builder("civic311.mail.refused").description("Status mails refused for good (a bad address)")
        .register(registry);
    lost = Counter.builder("civic311.mail.lost").description("Status mails that will not be sent")
        .register(registry);
    mailerFailures = Counter.builder("civic311.mail.mailer.failures")
        .description("Passes in which the mailer failed; the rest is retried").register(registry);
    passFailures = Counter.builder("civic311.mail.pass.failures")
        .description("Passes of the mail job that failed before mailing (the database, say)").register(registry);
    Gauge.builder("civic311.mail.last.pass.age", lastPass, t -> (System.nanoTime() - t.get()) / 1e9)
        .description("Time since the mail job last finished a pass").baseUnit("seconds").register(registry);
  }

  void pass(StatusNotifier.Pass p) {
    sent.increment(p.sent());
    refused.increment(p.refused());
    lost.increment(p.lost());
    if (p.outcome() == StatusNotifier.Outcome.MAILER_FAILED
        || p.outcome() == StatusNotifier.Outcome.MAILER_FAILED_AND_LOST) {
      mailerFailures.increment();
    }
  }

  void passed() {
    lastPass.set(System.nanoTime());
  }

  void failed() {
    passFailures.increment();
  }
}
