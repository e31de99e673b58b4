package org.civic311.server.domain.opendata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8: a header row of the columns' names, CRLF between records, a field
 * quoted when it holds a comma, a quote or a line break. Empty fields stand for absent values.
 */
final class CsvSheet<T> implements Sheet<T> {
  private final CSVPrinter printer;
  private final Function<T, List<Object>> cells;

  CsvSheet(OutputStream out, List<Columns.Column> columns, Function<T, List<Object>> cells) throws IOException {
    this.cells = cells;
    // The printer writes a field a few characters at a time; a char buffer in front of the encoder
    // lets it encode whole blocks (without it, encoding took a fifth of an export).
    this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
        CSVFormat.RFC4180.builder()
        .setHeader(Columns.names(columns).toArray(String[]::new)).build());
  }

  @Override
  public void write(T row) throws IOException {
    List<Object> values = cells.apply(row);
    for (Object v : values) {
      printer.print(plain(v));
    }
    printer.println();
  }

  /** Numbers as written by hand: {@code 0.0001}, never {@code 1.0E-4}, which spreadsheets take for text. */
  private static Object plain(Object v) {
    if (v instanceof Double d) {
      double a = Math.abs(d);
      if (a >= 1e-3 && a < 1e7) {
        // Double.toString is plain in this range and far cheaper than BigDecimal (coordinates
        // are in it); only a whole number needs its ".0" taken off.
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return v;
  }

  @Override
  public void finish() throws IOException {
    printer.flush();
  }
}
