package org.civic311.server.domain.imports;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.civic311.server.storage.JurisdictionRecord;

/** A file and how to read it; made by the factories, one per kind of file. */
public final class ImportSource {
  private final Path file;
  private final RowFormat format;

  private ImportSource(Path file, RowFormat format) {
    this.file = file;
    this.format = format;
  }

  /**
   * NYC Open Data's 311 Service Requests CSV, into {@code jurisdiction} (created as New York City
   * when missing); {@code services}, when not null, maps complaint types and descriptors to
   * existing service codes (a CSV with columns complaint_type, descriptor, service_code).
   */
  public static ImportSource nyc(Path file, String jurisdiction, Path services) {
    NycFormat.ServiceMap map = services == null ? NycFormat.ServiceMap.NONE : serviceMap(services);
    return new ImportSource(file, new NycFormat(new JurisdictionRecord(jurisdiction, "New York City",
        NycFormat.NEW_YORK.getId(), 0), map));
  }

  /** The six cities' GeoReport samples: a jurisdiction per city. */
  public static ImportSource cities(Path file) {
    return new ImportSource(file, new CityFormat());
  }

  /**
   * Any CSV, read as the mapping file says; {@code jurisdiction}, when not null, overrides the
   * mapping's.
   *
   * @throws BadInput when the mapping file is wrong
   */
  public static ImportSource mapped(Path file, Path mapping, String jurisdiction) {
    return new ImportSource(file, new MappedFormat(Mapping.read(mapping, jurisdiction)));
  }

  Path file() {
    return file;
  }

  RowFormat format() {
    return format;
  }

  private static NycFormat.ServiceMap serviceMap(Path services) {
    Map<String, String> codes = new HashMap<>();
    try (CsvRows rows = CsvRows.open(services, ',')) {
      int type = rows.column("complaint_type");
      int detail = rows.column("descriptor");
      int code = rows.column("service_code");
      if (type < 0 || code < 0) {
        throw new BadInput(services, 1, 0, "needs the columns complaint_type, descriptor (may be blank) and"
            + " service_code");
      }
      String[] row;
      while ((row = rows.next()) != null) {
        String t = Fields.text(row, type);
        String c = Fields.text(row, code);
        if (t == null || c == null) {
          throw new BadInput(services, rows.line(), 0, "needs a complaint_type and a service_code on every line");
        }
        codes.put(NycFormat.ServiceMap.key(t, Fields.text(row, detail)), c);
      }
    }
    return new NycFormat.ServiceMap(codes);
  }
}
