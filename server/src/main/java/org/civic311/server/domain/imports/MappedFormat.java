package org.civic311.server.domain.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.ServiceType;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/** Any CSV whose columns a {@link Mapping} names. */
final class MappedFormat implements RowFormat {
  private final Mapping mapping;
  private final JurisdictionRecord jurisdiction;
  private final Map<String, Integer> at = new HashMap<>();

  MappedFormat(Mapping mapping) {
    this.mapping = mapping;
    this.jurisdiction = new JurisdictionRecord(mapping.jurisdiction(), mapping.jurisdictionName(),
        mapping.zone().getId(), 0);
  }

  @Override
  public String source() {
    return mapping.source();
  }

  @Override
  public char separator() {
    return mapping.separator();
  }

  @Override
  public void start(CsvRows rows) {
    for (Map.Entry<String, Mapping.Column> e : mapping.columns().entrySet()) {
      int i = rows.column(e.getValue().name());
      if (i < 0) {
        throw new BadInput(rows.file(), 1, 0, "has no column '" + e.getValue().name() + "', which "
            + mapping.file() + " line " + e.getValue().line() + " names for '" + e.getKey() + "' (the columns are: "
            + NycFormat.abbreviated(String.join(", ", rows.header())) + ")");
      }
      at.put(e.getKey(), i);
    }
  }

  private int col(String field) {
    return at.getOrDefault(field, -1);
  }

  private String column(String field) {
    Mapping.Column c = mapping.columns().get(field);
    return c == null ? field : c.name();
  }

  @Override
  public Incoming read(String[] row, List<String> warnings) throws RowRejected {
    String id = Fields.text(row, col("external_id"));
    if (id == null) {
      throw new RowRejected("no " + column("external_id"));
    }
    Long requested = time(row, "requested_datetime");
    if (requested == null) {
      throw new RowRejected("no " + column("requested_datetime"));
    }
    String name = Fields.repaired(row, col("service_name"), column("service_name"), warnings);
    String code = Fields.text(row, col("service_code"));
    if (code == null && name == null) {
      throw new RowRejected("no service: " + (col("service_code") >= 0 ? column("service_code") : column("service_name"))
          + " is blank");
    }
    if (code == null) {
      code = Fields.code(name);
    }
    ImportedRequest.Builder b = ImportedRequest.builder().externalId(id).digest(Fields.digest(row))
        .service(code, name).requestedAt(requested).expectedAt(time(row, "expected_datetime"))
        .description(Fields.repaired(row, col("description"), column("description"), warnings))
        .agencyResponsible(Fields.text(row, col("agency_responsible")))
        .address(Fields.repaired(row, col("address"), column("address"), warnings))
        .zipcode(Fields.text(row, col("zipcode")));
    Double lat = Fields.degrees(row, col("lat"), column("lat"), 90);
    Double lon = Fields.degrees(row, col("long"), column("long"), 180);
    if (lat != null && lon != null) {
      b.place(lat, lon);
    } else if (lat != null || lon != null) {
      warnings.add("only one of " + column("lat") + " and " + column("long") + " given: imported without a place");
    }
    ExtendedStatus status = status(row);
    String note = Fields.repaired(row, col("status_notes"), column("status_notes"), warnings);
    Long updated = time(row, "updated_datetime");
    Long closed = time(row, "closed_datetime");
    boolean isClosed = status.core().map(s -> s.name().equals("CLOSED")).orElse(false);
    if (isClosed) {
      Long when = closed != null ? closed : updated;
      if (when == null) {
        warnings.add("closed without a time: closed at its requested time");
        when = requested;
      } else if (when < requested) {
        throw new RowRejected("closed (" + Fields.text(row, col(closed != null ? "closed_datetime"
            : "updated_datetime")) + ") before it was requested (" + Fields.text(row, col("requested_datetime")) + ")");
      }
      b.status("closed", status.wireName()).statusAt(when).note(note);
    } else {
      b.status("open", status.wireName());
      if (note != null || status != ExtendedStatus.OPEN) {
        b.statusAt(updated != null && updated >= requested ? updated : requested).note(note);
      }
    }
    ServiceRecord service = name == null ? null : new ServiceRecord(code, name, null, ServiceType.REALTIME, null, null,
        null, null, List.of(), false);
    if (service == null) {
      service = new ServiceRecord(code, code, null, ServiceType.REALTIME, null, null, null, null, List.of(), false);
    }
    return new Incoming(jurisdiction, service, b.build());
  }

  private ExtendedStatus status(String[] row) throws RowRejected {
    String v = Fields.text(row, col("status"));
    if (v == null) {
      return ExtendedStatus.OPEN;
    }
    ExtendedStatus s = mapping.statuses().get(v.toLowerCase(Locale.ROOT));
    if (s == null) {
      s = ExtendedStatus.parse(v).filter(e -> e != ExtendedStatus.UNCHANGED).orElse(null);
    }
    if (s == null) {
      throw new RowRejected(column("status") + " '" + v + "' is not a status the mapping file's 'statuses' names");
    }
    return s;
  }

  private Long time(String[] row, String field) throws RowRejected {
    String v = Fields.text(row, col(field));
    if (v == null) {
      return null;
    }
    try {
      if (mapping.timeFormat() != null) {
        TemporalAccessor t = mapping.timeFormat().parseBest(v, ZonedDateTime::from, LocalDateTime::from,
            LocalDate::from);
        if (t instanceof ZonedDateTime z) {
          return z.toInstant().toEpochMilli();
        }
        if (t instanceof LocalDateTime l) {
          return l.atZone(mapping.zone()).toInstant().toEpochMilli();
        }
        return ((LocalDate) t).atStartOfDay(mapping.zone()).toInstant().toEpochMilli();
      }
      if (v.length() > 10 && (v.endsWith("Z") || v.lastIndexOf('+') > 10 || v.lastIndexOf('-') > 10)) {
        return OffsetDateTime.parse(v).toInstant().toEpochMilli();
      }
      if (v.length() > 10) {
        return LocalDateTime.parse(v.replace(' ', 'T')).atZone(mapping.zone()).toInstant().toEpochMilli();
      }
      return LocalDate.parse(v).atStartOfDay(mapping.zone()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new RowRejected(column(field) + " '" + v + "' is not a time"
          + (mapping.timeFormat() == null ? " in ISO 8601 (2024-03-01T09:30:00, with or without an offset)"
              : " in the mapping's time_format"));
    }
  }
}
