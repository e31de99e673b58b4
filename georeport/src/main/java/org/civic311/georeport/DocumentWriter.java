package org.civic311.georeport;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link Document}s as GeoReport XML or JSON, UTF-8, by the Spark convention. Stateless
 * and thread-safe.
 *
 * <p>XML text is escaped for {@code & < >} and carriage returns (so they survive parsing); the
 * document starts with the XML declaration. Characters that XML 1.0 cannot carry at all are
 * written as U+FFFD; the server keeps them out of what it stores, so this only guards the output.
 */
public final class DocumentWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

  /** Encodes a document into a new byte array. */
  public byte[] write(Document document, Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    write(document, format, out);
    return out.toByteArray();
  }

  /** Encodes a document into {@code out}; does not close it. */
  public void write(Document document, Format format, OutputStream out) {
    try {
      if (format == Format.JSON) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          json(g, document.body());
        }
      } else {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(4096);
        sb.append(XML_DECLARATION);
        xml(sb, document.rootName(), document.body());
        w.append(sb);
        w.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void json(JsonGenerator g, Node node) throws IOException {
    if (node instanceof Node.Scalar s) {
      jsonScalar(g, s.value());
    } else if (node instanceof Node.Fields f) {
      g.writeStartObject();
      for (Node.Field field : f.fields()) {
        g.writeFieldName(field.name());
        json(g, field.value());
      }
      g.writeEndObject();
    } else if (node instanceof Node.Items items) {
      g.writeStartArray();
      for (Node item : items.items()) {
        json(g, item);
      }
      g.writeEndArray();
    }
  }

  private static void jsonScalar(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void xml(StringBuilder sb, String name, Node node) {
    if (node instanceof Node.Scalar s) {
      if (s.value() == null) {
        sb.append('<').append(name).append("/>");
      } else {
        sb.append('<').append(name).append('>');
        escape(sb, s.value().toString());
        sb.append("</").append(name).append('>');
      }
    } else if (node instanceof Node.Fields f) {
      sb.append('<').append(name).append('>');
      for (Node.Field field : f.fields()) {
        xml(sb, field.name(), field.value());
      }
      sb.append("</").append(name).append('>');
    } else if (node instanceof Node.Items items) {
      sb.append('<').append(name).append('>');
      for (Node item : items.items()) {
        xml(sb, items.childName(), item);
      }
      sb.append("</").append(name).append('>');
    }
  }

  static void escape(StringBuilder sb, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
  }
}
