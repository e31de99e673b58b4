package org.civic311.georeport;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@code service_requests} document one request at a time, straight to a stream,
 * without building the document's tree first. The bytes are exactly those of
 * {@code new DocumentWriter().write(Documents.requests(list), format)} for the same requests:
 * a list page is the server's most frequent answer, and the tree cost it a fifth of its time.
 *
 * <p>Use: {@link #open}, then {@link #add} per request, then {@link #close}. Not thread-safe; one
 * writer per answer.
 */
public final class RequestListWriter implements AutoCloseable {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final byte[] XML_START =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests>".getBytes(StandardCharsets.UTF_8);
  private static final byte[] XML_END = "</service_requests>".getBytes(StandardCharsets.UTF_8);

  private final OutputStream out;
  private final JsonGenerator json;
  private final StringBuilder xml;

  private RequestListWriter(OutputStream out, JsonGenerator json, StringBuilder xml) {
    this.out = out;
    this.json = json;
    this.xml = xml;
  }

  /** Starts the document in {@code format} on {@code out}, which {@link #close} does not close. */
  public static RequestListWriter open(OutputStream out, Format format) {
    try {
      if (format == Format.JSON) {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartArray();
        return new RequestListWriter(out, g, null);
      }
      out.write(XML_START);
      return new RequestListWriter(out, null, new StringBuilder(1024));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one request, with the fields of the standard in its order. */
  public void add(ServiceRequest r) {
    try {
      if (json != null) {
        addJson(r);
      } else {
        addXml(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addJson(ServiceRequest r) throws IOException {
    JsonGenerator g = json;
    g.writeStartObject();
    string(g, "service_request_id", r.id());
    string(g, "status", r.status().wireName());
    string(g, "status_notes", r.statusNotes());
    string(g, "service_name", r.serviceName());
    string(g, "service_code", r.serviceCode());
    string(g, "description", r.description());
    string(g, "agency_responsible", r.agencyResponsible());
    string(g, "service_notice", r.serviceNotice());
    string(g, "requested_datetime", GeoDateTime.format(r.requestedDatetime()));
    string(g, "updated_datetime", GeoDateTime.format(r.updatedDatetime()));
    string(g, "expected_datetime", GeoDateTime.format(r.expectedDatetime()));
    string(g, "address", r.address());
    string(g, "address_id", r.addressId());
    string(g, "zipcode", r.zipcode());
    number(g, "lat", r.lat());
    number(g, "long", r.lon());
    string(g, "media_url", r.mediaUrl());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void number(JsonGenerator g, String name, Double value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value.doubleValue());
    }
  }

  private void addXml(ServiceRequest r) throws IOException {
    StringBuilder sb = xml;
    sb.setLength(0);
    sb.append("<request>");
    element(sb, "service_request_id", r.id());
    element(sb, "status", r.status().wireName());
    element(sb, "status_notes", r.statusNotes());
    element(sb, "service_name", r.serviceName());
    element(sb, "service_code", r.serviceCode());
    element(sb, "description", r.description());
    element(sb, "agency_responsible", r.agencyResponsible());
    element(sb, "service_notice", r.serviceNotice());
    element(sb, "requested_datetime", GeoDateTime.format(r.requestedDatetime()));
    element(sb, "updated_datetime", GeoDateTime.format(r.updatedDatetime()));
    element(sb, "expected_datetime", GeoDateTime.format(r.expectedDatetime()));
    element(sb, "address", r.address());
    element(sb, "address_id", r.addressId());
    element(sb, "zipcode", r.zipcode());
    element(sb, "lat", r.lat() == null ? null : r.lat().toString());
    element(sb, "long", r.lon() == null ? null : r.lon().toString());
    element(sb, "media_url", r.mediaUrl());
    sb.append("</request>");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void element(StringBuilder sb, String name, String value) {
    if (value == null) {
      sb.append('<').append(name).append("/>");
    } else {
      sb.append('<').append(name).append('>');
      DocumentWriter.escape(sb, value);
      sb.append("</").append(name).append('>');
    }
  }

  /** Ends the document and flushes it; the stream stays open. */
  @Override
  public void close() {
    try {
      if (json != null) {
        json.writeEndArray();
        json.close();
      } else {
        out.write(XML_END);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
