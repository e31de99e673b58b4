package org.civic311.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test data: the recorded real responses (copied into the test resources) and the shared city samples. */
final class Resources {
  private Resources() {}

  /** A recorded real response, such as {@code dc-services.xml}. */
  static byte[] realResponse(String name) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream("real-responses/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no recorded response " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shared data folder ({@code shared/data} beside the repository's checkout or one of its
   * parents): it holds thousands of rows, too many to copy into the module.
   */
  static Path sharedData() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared/data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no shared/data folder above " + Path.of("").toAbsolutePath()
        + "; the city samples live in ../shared/data/open311-city-samples");
  }
}
