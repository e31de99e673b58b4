package org.civic311.client.validate;

import java.util.Objects;

/** One thing found wrong: the rule broken, how much it matters, what was seen, and the evidence. */
public record Finding(Rule rule, Severity severity, String message, Evidence evidence) {
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(evidence, "evidence");
  }
}
