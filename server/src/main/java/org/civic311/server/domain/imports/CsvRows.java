package org.civic311.server.domain.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a CSV (or TSV) file, read with Jackson's CSV parser as arrays of strings, each
 * with the line it starts on. The file must be UTF-8 (a byte-order mark is skipped): bytes that
 * are not are an error naming the line, never silently replaced characters.
 */
final class CsvRows implements AutoCloseable {
  private final Path file;
  private final MappingIterator<String[]> rows;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private long line;

  private CsvRows(Path file, MappingIterator<String[]> rows, List<String> header) {
    this.file = file;
    this.rows = rows;
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim(), i);
    }
  }

  static CsvRows open(Path file, char separator) {
    Reader reader;
    try {
      InputStream in = Files.newInputStream(file);
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      reader = new BufferedReader(new InputStreamReader(in, utf8), 1 << 16);
    } catch (IOException e) {
      throw new BadInput(file, 0, 0, "cannot be read: " + e.getMessage());
    }
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
      MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .readerFor(String[].class).with(schema).readValues(reader);
      if (!it.hasNextValue()) {
        it.close();
        throw new BadInput(file, 1, 0, "is empty: a header line was expected");
      }
      String[] head = it.nextValue();
      CsvRows rows = new CsvRows(file, it, Arrays.asList(head));
      rows.line = 1;
      return rows;
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader);
      if (e instanceof BadInput b) {
        throw b;
      }
      throw unreadable(file, 1, e);
    }
  }

  private static BadInput unreadable(Path file, long line, Exception e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof CharacterCodingException) {
        // The reader decodes ahead of the parser, so the parser's line is not where the bad byte is.
        long[] at = firstBadByte(file);
        return new BadInput(file, at[0], at[1], "is not UTF-8 text (byte 0x" + Integer.toHexString((int) at[2])
            + " here cannot start or continue a character); convert it to UTF-8 first, for example with"
            + " iconv -f WINDOWS-1252 -t UTF-8");
      }
      cause = cause.getCause();
    }
    return new BadInput(file, line, 0, "is not readable as CSV: " + e.getMessage());
  }

  /** Line, column (in characters) and value of the first byte that is not UTF-8; 0s when not found. */
  static long[] firstBadByte(Path file) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(file)) {
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
      java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
      long line = 1;
      long column = 1;
      boolean end = false;
      while (true) {
        int n = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          end = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        java.nio.charset.CoderResult result = utf8.decode(bytes, chars, end);
        chars.flip();
        while (chars.hasRemaining()) {
          if (chars.get() == '\n') {
            line++;
            column = 1;
          } else {
            column++;
          }
        }
        chars.clear();
        if (result.isError()) {
          return new long[] {line, column, bytes.get(bytes.position()) & 0xFF};
        }
        bytes.compact();
        if (end && !result.isOverflow()) {
          return new long[] {0, 0, 0};
        }
      }
    } catch (IOException e) {
      return new long[] {0, 0, 0};
    }
  }

  Path file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  /** The position of a column by its header name (surrounding spaces ignored), or -1. */
  int column(String name) {
    return columns.getOrDefault(name, -1);
  }

  /** The line the last row returned by {@link #next} starts on. */
  long line() {
    return line;
  }

  /** The next row, or null at the end. */
  String[] next() {
    try {
      long start = rows.getParser().currentLocation().getLineNr();
      if (!rows.hasNextValue()) {
        return null;
      }
      String[] row = rows.nextValue();
      line = Math.max(start, line + 1);
      return row;
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, rows.getParser().currentLocation().getLineNr(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(rows);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Reading is over; nothing was written.
    }
  }
}
