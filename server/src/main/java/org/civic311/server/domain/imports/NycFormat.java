package org.civic311.server.domain.imports;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.georeport.ServiceType;
import org.civic311.server.storage.ImportedRequest;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * NYC Open Data's 311 Service Requests (dataset erm2-nwe9) as exported to CSV. Each complaint
 * type and descriptor is a service in the group of its complaint type; times are New York's
 * local time without an offset. See docs/IMPORT.md for what is rejected and what is imported
 * with a warning.
 */
final class NycFormat implements RowFormat {
  static final String SOURCE = "nyc-311";
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneRules RULES = NEW_YORK.getRules();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/uuuu hh:mm:ss a", Locale.US);
  private static final List<String> REQUIRED = List.of("Unique Key", "Created Date", "Complaint Type", "Status");

  private final JurisdictionRecord jurisdiction;
  private final ServiceMap services;
  private int key;
  private int created;
  private int closed;
  private int agency;
  private int type;
  private int descriptor;
  private int locationType;
  private int zip;
  private int address;
  private int street;
  private int cross1;
  private int cross2;
  private int city;
  private int borough;
  private int status;
  private int due;
  private int resolution;
  private int resolvedAt;
  private int lat;
  private int lon;

  NycFormat(JurisdictionRecord jurisdiction, ServiceMap services) {
    this.jurisdiction = jurisdiction;
    this.services = services;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void start(CsvRows rows) {
    for (String name : REQUIRED) {
      if (rows.column(name) < 0) {
        throw new BadInput(rows.file(), 1, 0, "is not an NYC 311 Service Requests CSV: it has no column '" + name
            + "' (its first line reads: " + abbreviated(String.join(",", rows.header())) + ")");
      }
    }
    key = rows.column("Unique Key");
    created = rows.column("Created Date");
    closed = rows.column("Closed Date");
    agency = rows.column("Agency");
    type = rows.column("Complaint Type");
    descriptor = rows.column("Descriptor");
    locationType = rows.column("Location Type");
    zip = rows.column("Incident Zip");
    address = rows.column("Incident Address");
    street = rows.column("Street Name");
    cross1 = rows.column("Intersection Street 1");
    cross2 = rows.column("Intersection Street 2");
    city = rows.column("City");
    borough = rows.column("Borough");
    status = rows.column("Status");
    due = rows.column("Due Date");
    resolution = rows.column("Resolution Description");
    resolvedAt = rows.column("Resolution Action Updated Date");
    lat = rows.column("Latitude");
    lon = rows.column("Longitude");
  }

  static String abbreviated(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }

  @Override
  public Incoming read(String[] row, List<String> warnings) throws RowRejected {
    String id = Fields.text(row, key);
    if (id == null) {
      throw new RowRejected("no Unique Key");
    }
    Long createdAt = time(row, created, "Created Date");
    if (createdAt == null) {
      throw new RowRejected("no Created Date");
    }
    String complaint = Fields.repaired(row, type, "Complaint Type", warnings);
    if (complaint == null) {
      throw new RowRejected("no Complaint Type");
    }
    String detail = Fields.repaired(row, descriptor, "Descriptor", warnings);
    ImportedRequest.Builder b = ImportedRequest.builder().externalId(id).digest(Fields.digest(row))
        .requestedAt(createdAt).expectedAt(time(row, due, "Due Date"));
    String agencyName = Fields.text(row, agency);
    ServiceRecord service = null;
    String code = services.codeOf(complaint, detail);
    if (code != null) {
      b.service(code, null);
    } else {
      code = detail == null ? Fields.code(complaint) : Fields.code(complaint) + "." + Fields.code(detail);
      String name = detail == null ? complaint : complaint + ": " + detail;
      service = new ServiceRecord(code, name, null, ServiceType.REALTIME, null, complaint, null, agencyName,
          List.of(), false);
      b.service(code, name);
    }
    String where = Fields.repaired(row, locationType, "Location Type", warnings);
    b.description(detail == null ? where : where == null ? detail : detail + " (" + where + ")");
    b.agencyResponsible(agencyName);
    b.address(address(row, warnings));
    b.zipcode(Fields.text(row, zip));
    Double latitude = Fields.degrees(row, lat, "Latitude", 90);
    Double longitude = Fields.degrees(row, lon, "Longitude", 180);
    if (latitude == null || longitude == null) {
      if (latitude != null || longitude != null) {
        warnings.add("only one of Latitude and Longitude given: imported without a place");
      }
      latitude = null;
      longitude = null;
      if (b.build().address() == null) {
        warnings.add("no coordinates and no address: imported without a place");
      }
    }
    b.place(latitude, longitude);
    status(row, b, createdAt, warnings);
    return new Incoming(jurisdiction, service, b.build());
  }

  private void status(String[] row, ImportedRequest.Builder b, long createdAt, List<String> warnings)
      throws RowRejected {
    String theirs = Fields.text(row, status);
    String note = Fields.repaired(row, resolution, "Resolution Description", warnings);
    Long closedAt = time(row, closed, "Closed Date");
    Long resolved = time(row, resolvedAt, "Resolution Action Updated Date");
    String s = theirs == null ? "" : theirs.toLowerCase(Locale.ROOT);
    if (s.equals("closed")) {
      Long at = closedAt != null ? closedAt : resolved;
      if (at == null) {
        throw new RowRejected("Status is Closed but there is no Closed Date");
      }
      if (at < createdAt) {
        throw new RowRejected("closed (" + row[closedAt != null ? closed : resolvedAt].strip()
            + ") before it was created (" + row[created].strip() + ")");
      }
      b.status("closed", "closed").statusAt(at).note(note);
      return;
    }
    String extended = switch (s) {
      case "open", "pending", "unspecified", "" -> "open";
      case "in progress", "started", "assigned" -> "in_progress";
      default -> {
        warnings.add("unknown Status '" + theirs + "' imported as open");
        yield "open";
      }
    };
    b.status("open", extended);
    if (note != null || !extended.equals("open")) {
      b.statusAt(resolved != null && resolved >= createdAt ? resolved : createdAt).note(note);
    }
  }

  private String address(String[] row, List<String> warnings) {
    String place = Fields.repaired(row, address, "Incident Address", warnings);
    if (place == null) {
      String a = Fields.text(row, cross1);
      String c = Fields.text(row, cross2);
      place = a != null && c != null ? a + " & " + c : a != null ? a : Fields.text(row, street);
    }
    if (place == null) {
      return null;
    }
    String town = Fields.text(row, city);
    if (town == null) {
      town = Fields.text(row, borough);
    }
    return town == null || town.equals("Unspecified") ? place : place + ", " + town;
  }

  /** A New York local time as epoch ms; null when blank. */
  static Long time(String[] row, int i, String column) throws RowRejected {
    String v = Fields.text(row, i);
    if (v == null) {
      return null;
    }
    LocalDateTime t = fixedWidth(v);
    if (t == null) {
      try {
        t = LocalDateTime.parse(v, TIME);
      } catch (DateTimeParseException e) {
        throw new RowRejected(column + " '" + v + "' is not a time like 02/28/2023 11:45:00 PM");
      }
    }
    // In the hour repeated when clocks go back, the earlier offset is taken: the file cannot say.
    return t.toInstant(RULES.getOffset(t)).toEpochMilli();
  }

  /** The export's own layout, MM/dd/yyyy hh:mm:ss AM, read without the general parser; null otherwise. */
  private static LocalDateTime fixedWidth(String v) {
    if (v.length() != 22 || v.charAt(2) != '/' || v.charAt(5) != '/' || v.charAt(10) != ' ' || v.charAt(13) != ':'
        || v.charAt(16) != ':' || v.charAt(19) != ' ' || v.charAt(21) != 'M') {
      return null;
    }
    int month = digits(v, 0, 2);
    int day = digits(v, 3, 5);
    int year = digits(v, 6, 10);
    int hour = digits(v, 11, 13);
    int minute = digits(v, 14, 16);
    int second = digits(v, 17, 19);
    char half = v.charAt(20);
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 0 || hour < 1 || hour > 12 || minute < 0
        || minute > 59 || second < 0 || second > 59 || (half != 'A' && half != 'P')) {
      return null;
    }
    int h24 = hour % 12 + (half == 'P' ? 12 : 0);
    try {
      return LocalDateTime.of(year, month, day, h24, minute, second);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      char c = v.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Maps complaint types and descriptors to existing service codes; see docs/IMPORT.md. */
  record ServiceMap(Map<String, String> codes) {
    static final ServiceMap NONE = new ServiceMap(Map.of());

    String codeOf(String complaint, String detail) {
      if (codes.isEmpty()) {
        return null;
      }
      String exact = codes.get(key(complaint, detail));
      return exact != null ? exact : codes.get(key(complaint, null));
    }

    static String key(String complaint, String detail) {
      return complaint.toLowerCase(Locale.ROOT) + "\u001f" + (detail == null ? "" : detail.toLowerCase(Locale.ROOT));
    }
  }
}
