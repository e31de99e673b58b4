package org.civic311.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.GeoDateTime;
import org.civic311.georeport.Status;

/**
 * The filters of one {@code GET requests}: the standard's ({@code service_request_id},
 * {@code service_code}, {@code status}, {@code start_date}, {@code end_date}) and the common
 * extensions ({@code page}, {@code page_size}, {@code updated_after}, {@code updated_before},
 * {@code bbox}, {@code lat}/{@code long}/{@code radius}, {@code q}, {@code extensions}).
 * Unset filters are not sent. Immutable; build with {@link #builder()}, vary with
 * {@link #newBuilder()}. {@link #all()} asks for the server's defaults.
 */
public final class Search {
  private final List<String> ids;
  private final List<String> serviceCodes;
  private final List<Status> statuses;
  private final OffsetDateTime start;
  private final OffsetDateTime end;
  private final OffsetDateTime updatedAfter;
  private final OffsetDateTime updatedBefore;
  private final Integer page;
  private final Integer pageSize;
  private final double[] bbox;
  private final double[] near;
  private final String words;
  private final boolean extensions;

  private Search(Builder b) {
    ids = List.copyOf(b.ids);
    serviceCodes = List.copyOf(b.serviceCodes);
    statuses = List.copyOf(b.statuses);
    start = b.start;
    end = b.end;
    updatedAfter = b.updatedAfter;
    updatedBefore = b.updatedBefore;
    page = b.page;
    pageSize = b.pageSize;
    bbox = b.bbox;
    near = b.near;
    words = b.words;
    extensions = b.extensions;
  }

  /** No filter: the server's default window and volume. */
  public static Search all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these filters. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.ids.addAll(ids);
    b.serviceCodes.addAll(serviceCodes);
    b.statuses.addAll(statuses);
    b.start = start;
    b.end = end;
    b.updatedAfter = updatedAfter;
    b.updatedBefore = updatedBefore;
    b.page = page;
    b.pageSize = pageSize;
    b.bbox = bbox;
    b.near = near;
    b.words = words;
    b.extensions = extensions;
    return b;
  }

  /** The query parameters, in a stable order. */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      p.put("service_request_id", String.join(",", ids));
    }
    if (!serviceCodes.isEmpty()) {
      p.put("service_code", String.join(",", serviceCodes));
    }
    if (!statuses.isEmpty()) {
      List<String> s = new ArrayList<>();
      statuses.forEach(x -> s.add(x.wireName()));
      p.put("status", String.join(",", s));
    }
    put(p, "start_date", start);
    put(p, "end_date", end);
    put(p, "updated_after", updatedAfter);
    put(p, "updated_before", updatedBefore);
    if (page != null) {
      p.put("page", page.toString());
    }
    if (pageSize != null) {
      p.put("page_size", pageSize.toString());
    }
    if (bbox != null) {
      p.put("bbox", number(bbox[0]) + "," + number(bbox[1]) + "," + number(bbox[2]) + "," + number(bbox[3]));
    }
    if (near != null) {
      p.put("lat", number(near[0]));
      p.put("long", number(near[1]));
      p.put("radius", number(near[2]));
    }
    if (words != null) {
      p.put("q", words);
    }
    if (extensions) {
      p.put("extensions", "true");
    }
    return p;
  }

  public OffsetDateTime start() {
    return start;
  }

  public OffsetDateTime end() {
    return end;
  }

  public Integer page() {
    return page;
  }

  public Integer pageSize() {
    return pageSize;
  }

  /** True when {@code extensions=true} is asked for. */
  public boolean extensions() {
    return extensions;
  }

  @Override
  public String toString() {
    return "Search" + parameters();
  }

  private static void put(Map<String, String> p, String name, OffsetDateTime t) {
    if (t != null) {
      p.put(name, GeoDateTime.format(t));
    }
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Collects filters. Not thread-safe. */
  public static final class Builder {
    private final List<String> ids = new ArrayList<>();
    private final List<String> serviceCodes = new ArrayList<>();
    private final List<Status> statuses = new ArrayList<>();
    private OffsetDateTime start;
    private OffsetDateTime end;
    private OffsetDateTime updatedAfter;
    private OffsetDateTime updatedBefore;
    private Integer page;
    private Integer pageSize;
    private double[] bbox;
    private double[] near;
    private String words;
    private boolean extensions;

    private Builder() {}

    /** Only these requests; the standard says this overrides every other filter. */
    public Builder ids(String... ids) {
      this.ids.clear();
      this.ids.addAll(List.of(ids));
      return this;
    }

    public Builder serviceCodes(String... codes) {
      this.serviceCodes.clear();
      this.serviceCodes.addAll(List.of(codes));
      return this;
    }

    public Builder statuses(Status... statuses) {
      this.statuses.clear();
      this.statuses.addAll(List.of(statuses));
      return this;
    }

    /** Requested at or after this time ({@code start_date}). */
    public Builder start(OffsetDateTime start) {
      this.start = start;
      return this;
    }

    /** Requested at or before this time ({@code end_date}). */
    public Builder end(OffsetDateTime end) {
      this.end = end;
      return this;
    }

    public Builder updatedAfter(OffsetDateTime t) {
      this.updatedAfter = t;
      return this;
    }

    public Builder updatedBefore(OffsetDateTime t) {
      this.updatedBefore = t;
      return this;
    }

    /** The page to fetch; servers differ on whether the first is 0 or 1 (this project: 1). */
    public Builder page(Integer page) {
      if (page != null && page < 0) {
        throw new IllegalArgumentException("page must not be negative, not " + page);
      }
      this.page = page;
      return this;
    }

    public Builder pageSize(Integer size) {
      if (size != null && size < 1) {
        throw new IllegalArgumentException("pageSize must be positive, not " + size);
      }
      this.pageSize = size;
      return this;
    }

    /** Within a box ({@code bbox=min_long,min_lat,max_long,max_lat}). */
    public Builder bbox(double minLong, double minLat, double maxLong, double maxLat) {
      if (minLong > maxLong || minLat > maxLat) {
        throw new IllegalArgumentException("bbox minimums must not exceed its maximums");
      }
      this.bbox = new double[] {minLong, minLat, maxLong, maxLat};
      return this;
    }

    /** Within {@code metres} of a point ({@code lat}, {@code long}, {@code radius}). */
    public Builder near(double lat, double lon, double metres) {
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || metres <= 0) {
        throw new IllegalArgumentException("near needs a latitude, a longitude and a positive radius");
      }
      this.near = new double[] {lat, lon, metres};
      return this;
    }

    /** Full-text words ({@code q}). */
    public Builder words(String q) {
      this.words = q == null || q.isBlank() ? null : q.trim();
      return this;
    }

    /** Ask for {@code extensions=true}. */
    public Builder extensions(boolean extensions) {
      this.extensions = extensions;
      return this;
    }

    public Search build() {
      if (start != null && end != null && start.isAfter(end)) {
        throw new IllegalArgumentException("start must not be after end");
      }
      return new Search(this);
    }
  }
}
