package org.civic311.client.validate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.civic311.client.CallTimeoutException;
import org.civic311.client.ClientException;
import org.civic311.client.ConnectionException;
import org.civic311.client.HttpAnswer;
import org.civic311.client.Transport;

/**
 * Makes the validator's calls politely and safely: at most the budget of calls, a pause before
 * each, and every transport failure (unreachable, timeout, an answer past the size limit)
 * turned into a finding instead of an exception. After two such failures the endpoint is taken
 * to be unusable and no further call is made, so a hanging server bounds the run.
 */
final class Probe {
  private static final int FAILURES_TO_GIVE_UP = 2;
  private final Transport transport;
  private final Report report;
  private final Duration delay;
  private final int maxCalls;
  private int calls;
  private int failures;
  private int answered;
  private boolean budgetNoted;

  Probe(Transport transport, Report report, Duration delay, int maxCalls) {
    this.transport = transport;
    this.report = report;
    this.delay = delay;
    this.maxCalls = maxCalls;
  }

  /** False once the endpoint failed too often or the budget is spent: checks then stop. */
  boolean usable() {
    return failures < FAILURES_TO_GIVE_UP && calls < maxCalls;
  }

  int calls() {
    return calls;
  }

  Optional<HttpAnswer> get(String call, URI url) {
    return send(call, HttpRequest.newBuilder(url).GET(), true);
  }

  /** Sends a call if the budget allows; empty when it was not made or got no (whole) answer. */
  Optional<HttpAnswer> send(String call, HttpRequest.Builder request, boolean idempotent) {
    if (failures >= FAILURES_TO_GIVE_UP) {
      return Optional.empty();
    }
    if (calls >= maxCalls) {
      if (!budgetNoted) {
        report.note("the budget of " + maxCalls + " calls was spent; later checks were skipped (see --max-calls)");
        budgetNoted = true;
      }
      return Optional.empty();
    }
    pause();
    calls++;
    URI uri = request.copy().build().uri();
    try {
      HttpAnswer answer = transport.send(call, request, idempotent);
      if (!answer.complete()) {
        failures++;
        report.add(new Finding(Rule.ANSWER_SIZE, Severity.ERROR, call + " answered more than "
            + answer.body().length + " bytes; the validator stopped reading there", Checks.evidence(answer)));
        return Optional.empty();
      }
      answered++;
      report.checked(Rule.REACHABLE);
      report.checked(Rule.IN_TIME);
      report.checked(Rule.ANSWER_SIZE);
      return Optional.of(answer);
    } catch (CallTimeoutException e) {
      failures++;
      report.add(new Finding(Rule.IN_TIME, Severity.ERROR, call + " got no complete answer within "
          + e.timeout().toMillis() + " ms", Evidence.noAnswer(call, uri.toString())));
    } catch (ConnectionException e) {
      // A server never reached is not worth a second try; one that answered before may have hiccuped.
      failures = answered == 0 ? FAILURES_TO_GIVE_UP : failures + 1;
      report.add(new Finding(Rule.REACHABLE, Severity.ERROR, call + " failed: " + cause(e),
          Evidence.noAnswer(call, uri.toString())));
    } catch (ClientException e) {
      failures++;
      report.add(new Finding(Rule.REACHABLE, Severity.ERROR, call + " failed: " + cause(e),
          Evidence.noAnswer(call, uri.toString())));
    }
    if (failures >= FAILURES_TO_GIVE_UP) {
      report.note("the endpoint could not be used (" + (answered == 0 ? "no call was answered" : "calls failed")
          + "); the remaining checks were skipped");
    }
    return Optional.empty();
  }

  private static String cause(ClientException e) {
    String m = e.getMessage();
    int colon = m.indexOf("): ");
    return colon < 0 ? m : m.substring(colon + 3);
  }

  private void pause() {
    if (calls == 0 || delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures = FAILURES_TO_GIVE_UP;
    }
  }
}
