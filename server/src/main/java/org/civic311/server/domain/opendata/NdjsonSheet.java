package org.civic311.server.domain.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;
import org.civic311.georeport.Document;
import org.civic311.georeport.DocumentWriter;
import org.civic311.georeport.Format;

/**
 * Newline-delimited JSON: each row is the one item of a GeoReport JSON document (so exactly the
 * API's shape), on a line of its own. JSON escapes line breaks inside strings, so a line is a row.
 */
final class NdjsonSheet<T> implements Sheet<T> {
  private static final DocumentWriter WRITER = new DocumentWriter();
  private final OutputStream out;
  private final Function<T, Document> document;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(2048);

  NdjsonSheet(OutputStream out, Function<T, Document> document) {
    this.out = out;
    this.document = document;
  }

  @Override
  public void write(T row) throws IOException {
    line.reset();
    WRITER.write(document.apply(row), Format.JSON, line);
    byte[] json = line.toByteArray();
    // A GeoReport JSON document is an array; the row is its one element, between '[' and ']'.
    out.write(json, 1, json.length - 2);
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
