package org.civic311.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.civic311.georeport.ServiceRequest;

/**
 * Walks a whole {@code GET requests} result, one answer at a time, holding one answer in memory.
 *
 * <p><b>By page</b>, when the server advertises paging in discovery or the search names a page
 * size: pages 1, 2, ... of the advertised largest size, until a page comes back short or empty.
 * Pages count from 1, as this project, Chicago and uReport count them (uReport also takes 0 as
 * 1); a server counting from 0 would have its first page skipped, so for one, harvest by dates.
 * A request already given on the previous page (new requests push older ones down while the
 * walk runs) is given once; a page identical to the previous one means the server ignores
 * {@code page}, and the walk ends there rather than loop.
 *
 * <p><b>By date windows</b> otherwise: from the search's start to its end (the last 90 days
 * when the search gives neither), oldest first. A window whose answer holds as many requests as
 * the server's cap (the advertised one, else the standard's 1,000) may have been cut, so it is
 * halved and each half fetched instead, down to windows of one second. Requests at a boundary,
 * given by both neighbours, are given once.
 *
 * <p>Not thread-safe; one walk per iterator. Each {@link #next} may make calls, and throws what
 * they throw ({@link ClientException}).
 */
public final class Harvest implements Iterator<ServiceRequest> {
  /** The standard's default volume: at most 1,000 requests per answer. */
  public static final int STANDARD_CAP = 1000;
  private static final Duration SMALLEST_WINDOW = Duration.ofSeconds(1);
  private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

  private final GeoReportClient client;
  private final Search search;
  private final boolean byPage;
  private final int size;
  private final Deque<OffsetDateTime[]> windows = new ArrayDeque<>();
  private Iterator<ServiceRequest> current = List.<ServiceRequest>of().iterator();
  private Set<String> previous = Set.of();
  private List<String> previousOrder = List.of();
  private int page = 1;
  private boolean pagesDone;
  private ServiceRequest next;
  private int calls;

  private Harvest(GeoReportClient client, Search search, boolean byPage, int size) {
    this.client = client;
    this.search = search;
    this.byPage = byPage;
    this.size = size;
    if (!byPage) {
      OffsetDateTime end = search.end() != null ? search.end() : OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
      OffsetDateTime start = search.start() != null ? search.start() : end.minus(DEFAULT_SPAN);
      windows.push(new OffsetDateTime[] {start, end});
    }
  }

  /** A walk of {@code search} through {@code client}; asks discovery once how the server pages. */
  public static Harvest of(GeoReportClient client, Search search) {
    Paging paging = client.paging();
    if (search.pageSize() != null) {
      return new Harvest(client, search, true, search.pageSize());
    }
    if (paging.advertised()) {
      int size = paging.maxPageSize() != null ? paging.maxPageSize() : paging.defaultPageSize();
      return new Harvest(client, search, true, size);
    }
    return new Harvest(client, search, false, STANDARD_CAP);
  }

  /** True when this walk goes by page, false when by date windows. */
  public boolean byPage() {
    return byPage;
  }

  /** How many calls the walk has made so far. */
  public int calls() {
    return calls;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (current.hasNext()) {
        next = current.next();
      } else if (!fetch()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public ServiceRequest next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ServiceRequest r = next;
    next = null;
    return r;
  }

  /** Fetches the next answer into {@link #current}; false when the walk is over. */
  private boolean fetch() {
    return byPage ? fetchPage() : fetchWindow();
  }

  private boolean fetchPage() {
    if (pagesDone) {
      return false;
    }
    List<ServiceRequest> got = client.requests(search.newBuilder().page(page).pageSize(size).build());
    calls++;
    page++;
    List<String> ids = got.stream().map(ServiceRequest::id).toList();
    if (got.size() < size) {
      pagesDone = true;
    }
    if (got.isEmpty() || ids.equals(previousOrder)) {
      pagesDone = true;
      return false;
    }
    Set<String> before = previous;
    current = got.stream().filter(r -> !before.contains(r.id())).iterator();
    previous = new HashSet<>(ids);
    previousOrder = ids;
    return true;
  }

  private boolean fetchWindow() {
    while (!windows.isEmpty()) {
      OffsetDateTime[] w = windows.pop();
      List<ServiceRequest> got = client.requests(search.newBuilder().start(w[0]).end(w[1]).build());
      calls++;
      Duration span = Duration.between(w[0], w[1]);
      if (got.size() >= size && span.compareTo(SMALLEST_WINDOW) > 0) {
        OffsetDateTime middle = w[0].plus(span.dividedBy(2));
        // Oldest first: the earlier half is taken next.
        windows.push(new OffsetDateTime[] {middle, w[1]});
        windows.push(new OffsetDateTime[] {w[0], middle});
        continue;
      }
      Set<String> before = previous;
      current = got.stream().filter(r -> !before.contains(r.id())).iterator();
      previous = new HashSet<>(got.stream().map(ServiceRequest::id).toList());
      return true;
    }
    return false;
  }
}
