package org.civic311.client;

/**
 * What a server's discovery document says about paging {@code GET requests}: this project's
 * {@code page_size_default} and {@code page_size_max}, or FixMyStreet's {@code max_requests}.
 * Null fields were not advertised.
 *
 * @param defaultPageSize how many requests a page holds when {@code page_size} is not sent
 * @param maxPageSize     the largest {@code page_size} (or answer) the server gives
 */
public record Paging(Integer defaultPageSize, Integer maxPageSize) {
  /** Nothing advertised. */
  public static final Paging NONE = new Paging(null, null);

  /** True when the server said it pages. */
  public boolean advertised() {
    return maxPageSize != null || defaultPageSize != null;
  }
}
