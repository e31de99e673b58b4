package org.civic311.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migration folders stay numbered, gap-free, in step across dialects and with LATEST. */
class MigrationsTest {
  static final Path ROOT = Path.of("src/main/resources/db/migration");
  static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

  static List<Integer> versions(String dialect) throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve(dialect))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).map(n -> {
        Matcher m = NAME.matcher(n);
        assertThat(m.matches()).as(n + " is named V<n>__<words>.sql").isTrue();
        return Integer.parseInt(m.group(1));
      }).sorted().toList();
    }
  }

  @Test
  void everyDialectHasTheSameGapFreeVersionsAndALatestMarkerThatMatches() throws IOException {
    List<Integer> sqlite = versions("sqlite");
    assertThat(versions("postgresql")).isEqualTo(sqlite);
    for (int i = 0; i < sqlite.size(); i++) {
      assertThat(sqlite.get(i)).isEqualTo(i + 1);
    }
    for (String dialect : List.of("sqlite", "postgresql")) {
      String latest = Files.readString(ROOT.resolve(dialect).resolve("LATEST")).trim();
      assertThat(Integer.parseInt(latest)).as(dialect + "/LATEST").isEqualTo(sqlite.get(sqlite.size() - 1));
    }
  }
}
