package org.civic311.server.domain.imports;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows set aside, and those imported with a warning, as CSV: line, outcome, reason, then the
 * row's own fields under its own header, so a corrected file can be made from it. Made only when
 * there is something to write; a file left by an earlier run is removed at the start.
 */
final class Rejects implements AutoCloseable {
  private final Path file;
  private final List<String> header;
  private SequenceWriter out;

  Rejects(Path file, List<String> header) {
    this.file = file;
    this.header = header;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new BadInput(file, 0, 0, "cannot be replaced: " + e.getMessage());
    }
  }

  Path file() {
    return file;
  }

  boolean written() {
    return out != null;
  }

  void add(long line, String outcome, String reason, String[] row) {
    try {
      if (out == null) {
        List<String> head = new ArrayList<>(List.of("line", "outcome", "reason"));
        head.addAll(header);
        out = new CsvMapper().writer(CsvSchema.emptySchema()).writeValues(Files.newBufferedWriter(file));
        out.write(head);
      }
      List<String> fields = new ArrayList<>(List.of(Long.toString(line), outcome, reason));
      fields.addAll(List.of(row));
      out.write(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
  }
}
