package org.civic311.server.domain.opendata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Requests as an RFC 7946 FeatureCollection, written feature by feature: a Point at
 * {@code [long, lat]} (WGS 84, as the RFC requires), or a null geometry for a request without a
 * place; every column of {@link Columns#REQUESTS} as a property.
 */
final class GeoJsonSheet implements Sheet<PublishedRequest> {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  private final JsonGenerator g;
  private final List<String> names = Columns.names(Columns.REQUESTS);

  GeoJsonSheet(OutputStream out) throws IOException {
    g = JSON.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
  }

  @Override
  public void write(PublishedRequest row) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", row.id());
    g.writeFieldName("geometry");
    Double lat = row.lat();
    Double lon = row.lon();
    if (lat == null || lon == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeStringField("type", "Point");
      g.writeArrayFieldStart("coordinates");
      g.writeNumber(lon);
      g.writeNumber(lat);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeObjectFieldStart("properties");
    List<Object> cells = row.cells();
    for (int i = 0; i < names.size(); i++) {
      g.writeFieldName(names.get(i));
      value(cells.get(i));
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void value(Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else {
      g.writeString(v.toString());
    }
  }

  @Override
  public void finish() throws IOException {
    g.writeEndArray();
    g.writeEndObject();
    g.close();
  }
}
