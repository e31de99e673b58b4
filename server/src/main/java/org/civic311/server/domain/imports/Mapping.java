package org.civic311.server.domain.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.ExtendedStatus;

/**
 * A mapping file (YAML): which of a CSV's columns hold which of our fields, and the settings the
 * CSV cannot say (jurisdiction, time zone, time format, status names). docs/IMPORT.md has an
 * example. Every key is checked: an unknown one is an error naming its line and column.
 */
record Mapping(Path file, String source, String jurisdiction, String jurisdictionName, ZoneId zone, char separator,
    DateTimeFormatter timeFormat, Map<String, Column> columns, Map<String, ExtendedStatus> statuses) {

  /** Our fields a column can fill. */
  static final List<String> FIELDS = List.of("external_id", "requested_datetime", "service_code", "service_name",
      "description", "agency_responsible", "address", "zipcode", "lat", "long", "status", "status_notes",
      "updated_datetime", "closed_datetime", "expected_datetime");
  private static final List<String> SETTINGS = List.of("source", "jurisdiction", "jurisdiction_name", "time_zone",
      "separator", "time_format", "columns", "statuses");

  /** A column of the CSV named for one of our fields, with where the mapping file names it. */
  record Column(String name, long line, long column) {}

  static Mapping read(Path file, String jurisdictionOverride) {
    String text;
    try {
      text = Files.readString(file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInput(file, 0, 0, "is not UTF-8 text");
    } catch (IOException e) {
      throw new BadInput(file, 0, 0, "cannot be read: " + e.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, JsonLocation> where = new LinkedHashMap<>();
    Map<String, Column> columns = new LinkedHashMap<>();
    Map<String, ExtendedStatus> statuses = new LinkedHashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad(file, p.currentTokenLocation(), "is not a mapping file: it should be YAML keys such as"
            + " 'columns:'");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        if (!SETTINGS.contains(key)) {
          throw bad(file, at, "unknown setting '" + key + "'; known: " + String.join(", ", SETTINGS));
        }
        where.put(key, at);
        JsonToken value = p.nextToken();
        if (key.equals("columns") || key.equals("statuses")) {
          if (value != JsonToken.START_OBJECT) {
            throw bad(file, at, "'" + key + "' should hold 'name: value' lines, indented under it");
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonLocation nameAt = p.currentTokenLocation();
            if (!p.nextToken().isScalarValue()) {
              throw bad(file, nameAt, "'" + name + "' should have a single value");
            }
            String v = p.getText().strip();
            if (key.equals("columns")) {
              if (!FIELDS.contains(name)) {
                throw bad(file, nameAt, "unknown field '" + name + "'; the fields are " + String.join(", ", FIELDS));
              }
              columns.put(name, new Column(v, nameAt.getLineNr(), nameAt.getColumnNr()));
            } else {
              Optional<ExtendedStatus> s = ExtendedStatus.parse(v);
              if (s.isEmpty() || s.get() == ExtendedStatus.UNCHANGED) {
                throw bad(file, p.currentTokenLocation(), "unknown status '" + v + "'; use open, closed or one of"
                    + " the extended statuses (in_progress, fixed, duplicate, ...)");
              }
              statuses.put(name.toLowerCase(Locale.ROOT), s.get());
            }
          }
        } else {
          if (!value.isScalarValue()) {
            throw bad(file, at, "'" + key + "' should have a single value");
          }
          settings.put(key, p.getText().strip());
        }
      }
    } catch (JsonProcessingException e) {
      throw bad(file, e.getLocation(), "is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInput(file, 0, 0, "cannot be read: " + e.getMessage());
    }
    for (String needed : List.of("external_id", "requested_datetime")) {
      if (!columns.containsKey(needed)) {
        throw new BadInput(file, line(where.get("columns")), 0, "'columns' must name the column of '" + needed + "'");
      }
    }
    if (!columns.containsKey("service_code") && !columns.containsKey("service_name")) {
      throw new BadInput(file, line(where.get("columns")), 0,
          "'columns' must name the column of 'service_code' or of 'service_name'");
    }
    String jurisdiction = jurisdictionOverride != null ? jurisdictionOverride : settings.get("jurisdiction");
    if (jurisdiction == null || jurisdiction.isBlank()) {
      throw new BadInput(file, 0, 0, "needs 'jurisdiction: ID' (or give --jurisdiction)");
    }
    ZoneId zone = ZoneId.of("UTC");
    if (settings.containsKey("time_zone")) {
      try {
        zone = ZoneId.of(settings.get("time_zone"));
      } catch (DateTimeException e) {
        throw at(file, where.get("time_zone"), "time_zone '" + settings.get("time_zone")
            + "' is not a zone such as America/Chicago");
      }
    }
    DateTimeFormatter format = null;
    if (settings.containsKey("time_format")) {
      try {
        format = DateTimeFormatter.ofPattern(settings.get("time_format"), Locale.US);
      } catch (IllegalArgumentException e) {
        throw at(file, where.get("time_format"), "time_format is not a pattern: " + e.getMessage());
      }
    }
    char separator = ',';
    if (settings.containsKey("separator")) {
      String s = settings.get("separator").equals("\\t") ? "\t" : settings.get("separator");
      if (s.length() != 1) {
        throw at(file, where.get("separator"), "separator must be one character (or \\t)");
      }
      separator = s.charAt(0);
    }
    String source = settings.getOrDefault("source", stem(file));
    return new Mapping(file, source, jurisdiction, settings.getOrDefault("jurisdiction_name", jurisdiction), zone,
        separator, format, columns, statuses);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static long line(JsonLocation at) {
    return at == null ? 0 : at.getLineNr();
  }

  private static BadInput at(Path file, JsonLocation at, String problem) {
    return at == null ? new BadInput(file, 0, 0, problem) : bad(file, at, problem);
  }

  private static BadInput bad(Path file, JsonLocation at, String problem) {
    return new BadInput(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), problem);
  }
}
