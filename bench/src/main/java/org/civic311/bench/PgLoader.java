package org.civic311.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.civic311.server.app.Application;
import org.civic311.server.config.Configuration;
import org.civic311.server.config.ConfigurationLoader;
import org.civic311.server.config.DatabaseSettings;
import org.civic311.server.config.JurisdictionSettings;
import org.civic311.server.storage.sql.Database;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Adds synthetic requests ({@link SearchRows}, the rows {@link SearchLoader} writes to SQLite) to
 * a PostgreSQL database of the demo jurisdiction with COPY. The database is migrated by the
 * server's own code first. The secondary indexes of {@code service_requests} (GiST, GIN and the
 * B-trees; not those behind constraints) are dropped for the load and built again from their own
 * definitions afterwards, so the schema measured is exactly the migrated one; then ANALYZE, as
 * autovacuum would do soon after such a load.
 *
 * <p>Usage: {@code PgLoader JDBC_URL FROM TO}, user and password from CIVIC311_DATABASE_USER and
 * CIVIC311_DATABASE_PASSWORD; progress on stderr, {@code rows=N seconds=S} on stdout.
 */
public final class PgLoader {
  private static final int ROWS_PER_COPY = 1_000_000;
  private static final String COPY = "COPY service_requests (jurisdiction_id, service_code, service_name, status,"
      + " description, agency_responsible, service_notice, requested_at, updated_at, address, lat, lon, token,"
      + " attributes) FROM STDIN";
  private static final String SECONDARY_INDEXES = "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
      + " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'service_requests'::regclass"
      + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY 1";

  private PgLoader() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long from = Long.parseLong(args[1]);
    long to = Long.parseLong(args[2]);
    String user = System.getenv("CIVIC311_DATABASE_USER");
    String password = System.getenv("CIVIC311_DATABASE_PASSWORD");
    Configuration demo = ConfigurationLoader.demo().withDatabase(new DatabaseSettings(url, user, password));
    try (Database ignored = Application.openConfigured(demo)) {
      // migrated, with the demo catalogue
    }
    JurisdictionSettings j = demo.jurisdictions().get(0);
    SearchRows rows = new SearchRows(j.services(), System.currentTimeMillis(), 311 + from);
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit = off");
      s.execute("SET maintenance_work_mem = '1GB'");
      List<String[]> indexes = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(SECONDARY_INDEXES)) {
        while (rs.next()) {
          indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] index : indexes) {
        s.execute("DROP INDEX " + index[0]);
      }
      c.setAutoCommit(false);
      StringBuilder sb = new StringBuilder(1 << 20);
      for (long i = from; i < to; ) {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        long end = Math.min(to, i + ROWS_PER_COPY);
        for (; i < end; i++) {
          rows.next((double) (i - from) / (to - from));
          field(sb, j.id()).append('\t');
          field(sb, rows.service.code()).append('\t');
          field(sb, rows.service.name()).append('\t');
          sb.append(rows.closed ? "closed" : "open").append('\t');
          field(sb, rows.description).append('\t');
          field(sb, rows.service.agencyResponsible()).append('\t');
          field(sb, rows.service.serviceNotice()).append('\t');
          sb.append(rows.requestedAt).append('\t').append(rows.updatedAt).append('\t');
          field(sb, rows.address).append('\t');
          sb.append(rows.lat).append('\t').append(rows.lon).append('\t');
          field(sb, rows.token).append("\t{}\n");
          if (sb.length() > (1 << 20) - 4096) {
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            sb.setLength(0);
          }
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(b, 0, b.length);
        sb.setLength(0);
        copy.endCopy();
        c.commit();
        System.err.printf("  postgresql: %,d of %,d rows copied, %.0f s%n", i - from, to - from,
            (System.nanoTime() - start) / 1e9);
      }
      c.setAutoCommit(true);
      for (String[] index : indexes) {
        long t0 = System.nanoTime();
        s.execute(index[1]);
        System.err.printf("  postgresql: index %s built in %.0f s%n", index[0], (System.nanoTime() - t0) / 1e9);
      }
      s.execute("ANALYZE service_requests");
    }
    System.out.printf("rows=%d seconds=%.1f%n", to - from, (System.nanoTime() - start) / 1e9);
  }

  /** A COPY text field: \N for null, backslash escapes for the characters COPY gives meaning to. */
  private static StringBuilder field(StringBuilder sb, String v) {
    if (v == null) {
      return sb.append("\\N");
    }
    for (int k = 0; k < v.length(); k++) {
      char ch = v.charAt(k);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
    return sb;
  }
}
