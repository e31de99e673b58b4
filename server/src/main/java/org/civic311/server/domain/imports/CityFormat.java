package org.civic311.server.domain.imports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.georeport.ServiceType;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * GeoReport {@code requests} flattened to TSV with the city first (the six cities' 2019
 * samples): each city is a jurisdiction of its own, named after the city, created when missing.
 * Times carry their offset; a closed request closes at its {@code updated_datetime}.
 */
final class CityFormat implements RowFormat {
  static final String SOURCE = "georeport";
  private static final List<String> REQUIRED = List.of("city", "service_request_id", "status", "service_name",
      "service_code", "requested_datetime");
  /** The samples' cities; another city gets UTC and a warning on its first row. */
  private static final Map<String, String> ZONES = Map.of(
      "bloomington-in", "America/Indiana/Indianapolis",
      "boston-ma", "America/New_York",
      "brookline-ma", "America/New_York",
      "chicago-il", "America/Chicago",
      "peoria-il", "America/Chicago",
      "san-francisco-ca", "America/Los_Angeles");

  private final Map<String, JurisdictionRecord> cities = new HashMap<>();
  private int city;
  private int id;
  private int status;
  private int name;
  private int code;
  private int requested;
  private int updated;
  private int address;
  private int lat;
  private int lon;

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public char separator() {
    return '\t';
  }

  @Override
  public void start(CsvRows rows) {
    for (String column : REQUIRED) {
      if (rows.column(column) < 0) {
        throw new BadInput(rows.file(), 1, 0, "is not a city GeoReport sample (tab-separated, city first): it has"
            + " no column '" + column + "' (its first line reads: "
            + NycFormat.abbreviated(String.join("\\t", rows.header())) + ")");
      }
    }
    city = rows.column("city");
    id = rows.column("service_request_id");
    status = rows.column("status");
    name = rows.column("service_name");
    code = rows.column("service_code");
    requested = rows.column("requested_datetime");
    updated = rows.column("updated_datetime");
    address = rows.column("address");
    lat = rows.column("lat");
    lon = rows.column("long");
  }

  @Override
  public Incoming read(String[] row, List<String> warnings) throws RowRejected {
    String cityName = Fields.text(row, city);
    if (cityName == null) {
      throw new RowRejected("no city");
    }
    JurisdictionRecord j = cities.get(cityName);
    if (j == null) {
      String jid = Fields.code(cityName);
      String zone = ZONES.get(jid);
      if (zone == null) {
        zone = "UTC";
        warnings.add("no time zone known for " + cityName + ": its jurisdiction, if new, is made in UTC");
      }
      j = new JurisdictionRecord(jid, cityName.replace('_', ' '), zone, 0);
      cities.put(cityName, j);
    }
    String externalId = Fields.text(row, id);
    if (externalId == null) {
      throw new RowRejected("no service_request_id");
    }
    String serviceName = Fields.repaired(row, name, "service_name", warnings);
    String serviceCode = Fields.text(row, code);
    if (serviceCode == null && serviceName == null) {
      throw new RowRejected("neither service_code nor service_name");
    }
    if (serviceCode == null) {
      serviceCode = Fields.code(serviceName);
    }
    if (serviceName == null) {
      serviceName = serviceCode;
    }
    Long at = time(row, requested, "requested_datetime");
    if (at == null) {
      throw new RowRejected("no requested_datetime");
    }
    ImportedRequest.Builder b = ImportedRequest.builder().externalId(externalId).digest(Fields.digest(row))
        .service(serviceCode, serviceName).requestedAt(at).address(Fields.repaired(row, address, "address", warnings));
    Double latitude = Fields.degrees(row, lat, "lat", 90);
    Double longitude = Fields.degrees(row, lon, "long", 180);
    if (latitude != null && longitude != null && !(latitude == 0 && longitude == 0)) {
      b.place(latitude, longitude);
    }
    String s = Fields.text(row, status);
    s = s == null ? "open" : s.toLowerCase(Locale.ROOT);
    Long changed = time(row, updated, "updated_datetime");
    if (s.equals("closed")) {
      // Some of these systems stamp a request updated a few seconds before it was requested.
      b.status("closed", "closed").statusAt(changed == null || changed < at ? at : changed);
    } else if (!s.equals("open")) {
      throw new RowRejected("status '" + Fields.text(row, status) + "' is neither open nor closed");
    }
    ServiceRecord service = new ServiceRecord(serviceCode, serviceName, null, ServiceType.REALTIME, null, null, null,
        null, List.of(), false);
    return new Incoming(j, service, b.build());
  }

  private static Long time(String[] row, int i, String column) throws RowRejected {
    String v = Fields.text(row, i);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new RowRejected(column + " '" + v + "' is not a time like 2019-11-14T00:21:08-05:00");
    }
  }
}
