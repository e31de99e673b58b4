package org.civic311.server.domain.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * What a backup holds, written into it as {@code manifest.json}: the format, who wrote it and
 * when, the rows of each table and the photos, so that a restore can tell a whole copy from a
 * damaged one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String format, int formatVersion, String civic311Version, String createdAt,
    String database, Map<String, Long> rows, long mediaFiles, long mediaBytes) {
  static final String FORMAT = "civic311-backup";
  static final int VERSION = 1;
  static final String ENTRY = "manifest.json";
  static final String DATABASE_ENTRY = "database/civic311.db";
  static final String MEDIA_PREFIX = "media/";
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the manifest", e);
    }
  }

  static Manifest read(InputStream in) {
    try {
      return JSON.readValue(in, Manifest.class);
    } catch (IOException e) {
      throw new BackupException("the backup's manifest is unreadable: " + e.getMessage());
    }
  }

  /** Rows in all tables. */
  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
