package org.civic311.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real 311 data kept beside the repository ({@code shared/data} in the checkout's folder or
 * one of its parents): thousands of rows, too many to copy into the module's resources.
 */
public final class SharedData {
  private SharedData() {}

  /** The file at {@code path} under {@code shared/data}; fails the test when there is none. */
  public static Path file(String path) {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data").resolve(path);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/data/" + path + " in " + start + " or any folder above it");
  }
}
