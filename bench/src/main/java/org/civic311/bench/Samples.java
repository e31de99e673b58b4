package org.civic311.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests of one measured stretch: latency, status (0: no answer) and a tag each. Appended
 * to a file as {@code ms status tag} lines, so that a script can pool several rounds and take
 * its percentiles over all of them; summed up in one line for the log. Thread-safe.
 */
final class Samples {
  private record Sample(double ms, int status, String tag) {}

  private final List<Sample> all = new ArrayList<>();

  synchronized void add(double ms, int status, String tag) {
    all.add(new Sample(ms, status, tag));
  }

  synchronized int size() {
    return all.size();
  }

  /** Requests answered other than 2xx, or not answered at all. */
  synchronized int errors() {
    return (int) all.stream().filter(s -> s.status < 200 || s.status > 299).count();
  }

  /** {@code n=.. p50=.. p99=.. max=.. errors=.. statuses=200x10,0x1}, latencies in ms. */
  synchronized String summary() {
    double[] sorted = all.stream().mapToDouble(Sample::ms).sorted().toArray();
    Map<Integer, Integer> statuses = new TreeMap<>();
    all.forEach(s -> statuses.merge(s.status, 1, Integer::sum));
    StringBuilder codes = new StringBuilder();
    statuses.forEach((code, n) -> codes.append(codes.length() == 0 ? "" : ",").append(code).append('x').append(n));
    if (sorted.length == 0) {
      return "n=0 p50=- p99=- max=- errors=0 statuses=-";
    }
    return String.format("n=%d p50=%.1f p99=%.1f max=%.1f errors=%d statuses=%s", sorted.length,
        Stats.percentile(sorted, 50), Stats.percentile(sorted, 99), sorted[sorted.length - 1], errors(), codes);
  }

  /** Appends every sample to {@code file} as {@code ms status tag}. */
  synchronized void appendTo(Path file) {
    StringBuilder b = new StringBuilder();
    for (Sample s : all) {
      b.append(String.format("%.2f %d %s%n", s.ms, s.status, s.tag));
    }
    try {
      Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
