package org.civic311.server.web;

import java.nio.file.Path;

/**
 * What body a route takes and how long it may take to arrive.
 *
 * @param maxFormBytes      the largest url-encoded body
 * @param maxMultipartBytes the largest multipart body (photos included)
 * @param multipart         whether multipart bodies are taken at all
 * @param deadlineMillis    how long a small body may take to arrive (a large one gets a second more per 16 KiB)
 * @param spool             where multipart parts past a few kilobytes wait
 */
public record BodyLimits(int maxFormBytes, long maxMultipartBytes, boolean multipart, long deadlineMillis, Path spool) {

  /** A url-encoded form of at most {@code maxBytes}. */
  public static BodyLimits form(int maxBytes, long deadlineMillis) {
    return new BodyLimits(maxBytes, 0, false, deadlineMillis, null);
  }
}
