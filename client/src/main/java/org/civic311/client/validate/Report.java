package org.civic311.client.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one validation run: the findings in the order found, the rules that were
 * checked (a rule checked without finding is a pass), notes on what was skipped and why, and the
 * number of calls made. Built by the validator on one thread; read-only once returned.
 */
public final class Report {
  private final String target;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<Rule> checked = EnumSet.noneOf(Rule.class);
  private final List<String> notes = new ArrayList<>();
  private int calls;
  private String failure;

  Report(String target) {
    this.target = target;
  }

  void add(Finding f) {
    findings.add(f);
    checked.add(f.rule());
  }

  void checked(Rule rule) {
    checked.add(rule);
  }

  void note(String note) {
    notes.add(note);
  }

  void failed(String why) {
    this.failure = why;
  }

  void calls(int calls) {
    this.calls = calls;
  }

  /** The URL validated, as given. */
  public String target() {
    return target;
  }

  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  /** The rules checked, in their declared order. */
  public Set<Rule> checked() {
    return Collections.unmodifiableSet(checked);
  }

  /** What was skipped, and why (no requests to filter, the call budget spent, ...). */
  public List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  /** How many HTTP calls the run made. */
  public int calls() {
    return calls;
  }

  public long errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  public long warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
  }

  /**
   * Why the run stopped short through a fault of the validator itself (an answer it did not
   * foresee), or null. Such a run has not passed, whatever it found.
   */
  public String failure() {
    return failure;
  }

  /** True when the run completed and found no error: the exit status 0 of {@code civic311 validate}. */
  public boolean passed() {
    return errors() == 0 && failure == null;
  }
}
