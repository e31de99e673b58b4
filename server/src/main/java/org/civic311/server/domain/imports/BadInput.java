package org.civic311.server.domain.imports;

import java.nio.file.Path;

/**
 * A file that cannot be imported at all (wrong format, missing column, unknown mapping field,
 * unreadable encoding), with where it went wrong. Line and column count from 1; 0 when unknown.
 */
public final class BadInput extends RuntimeException {
  private final Path file;
  private final long line;
  private final long column;

  public BadInput(Path file, long line, long column, String problem) {
    super(problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** {@code FILE:LINE:COLUMN: problem}, leaving out what is not known. */
  public String describe() {
    StringBuilder sb = new StringBuilder(file.toString());
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(getMessage()).toString();
  }

  public long line() {
    return line;
  }
}
