package org.civic311.server.domain.opendata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV in UTF-8: a header row of the columns' names, CRLF between records, a field
 * quoted only when it holds a comma, a quote or a line break. Empty fields stand for absent
 * values. Jackson's CSV generator encodes straight to bytes through its own buffer.
 */
final class CsvSheet<T> implements Sheet<T> {
  private static final CsvFactory CSV = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();
  private final CsvGenerator g;
  private final Function<T, List<Object>> cells;

  CsvSheet(OutputStream out, List<Columns.Column> columns, Function<T, List<Object>> cells) throws IOException {
    this.cells = cells;
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
    for (String name : Columns.names(columns)) {
      schema.addColumn(name);
    }
    this.g = CSV.createGenerator(out, JsonEncoding.UTF8);
    g.setSchema(schema.build());
  }

  @Override
  public void write(T row) throws IOException {
    g.writeStartArray();
    for (Object v : cells.apply(row)) {
      if (v == null) {
        g.writeNull();
      } else if (v instanceof String s) {
        g.writeString(s);
      } else if (v instanceof Integer n) {
        g.writeNumber(n);
      } else if (v instanceof Long n) {
        g.writeNumber(n);
      } else if (v instanceof Double d) {
        g.writeNumber(plain(d));
      } else if (v instanceof BigDecimal d) {
        g.writeNumber(d.toPlainString());
      } else {
        g.writeString(v.toString());
      }
    }
    g.writeEndArray();
  }

  /** Numbers as written by hand: {@code 0.0001}, never {@code 1.0E-4}, which spreadsheets take for text. */
  static String plain(double d) {
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
      // The shortest decimal that reads back as the same double (Jackson's Schubfach writer, as
      // Double.toString does from Java 19 on, and several times faster than Java 17's) is plain in
      // this range, where coordinates are; only a whole number needs its ".0" taken off.
      String s = NumberOutput.toString(d, true);
      return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  @Override
  public void finish() throws IOException {
    g.flush();
  }
}
