package org.civic311.client.validate;

/** How much a finding matters: an {@link #ERROR} breaks the standard and fails the run; a {@link #WARNING} does not. */
public enum Severity {
  /** Breaks the standard (or a convention clients depend on): the run exits non-zero. */
  ERROR,
  /** Differs from the standard's advice or a de-facto convention; clients may cope. */
  WARNING
}
