package org.civic311.server.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a POST body without holding a thread while it arrives: bytes are taken as the network
 * delivers them, and the route runs once the body is whole. What can be judged before the body
 * (its type and declared length) is judged first. A body must arrive within the deadline, so a
 * client that trickles a few bytes now and then is answered 408 and dropped instead of keeping
 * its connection for ever. Multipart parts past a small size go to temporary files.
 */
final class BodyReader {
  /** Bodies up to this many times the limit are read and dropped before the 413 is sent. */
  static final int DRAIN_FACTOR = 8;
  /** Multipart parts up to this size stay in memory; larger ones wait on disk. */
  static final int IN_MEMORY_PART_BYTES = 16 * 1024;

  private BodyReader() {}

  /** Checks what can be checked before the body, or throws a {@link Failure}. */
  static void precheck(Request request, BodyLimits limits) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime = mime(type);
    boolean multipart = mime.equals("multipart/form-data");
    long max = max(mime, limits);
    long declared = request.getLength();
    if (declared > max * DRAIN_FACTOR) {
      throw tooLarge(max).with("Connection", "close");
    }
    if (declared > max) {
      return; // read and dropped, then refused: see FormRead
    }
    if (multipart && !limits.multipart()) {
      throw new Failure(415, "Forms are sent as application/x-www-form-urlencoded.");
    }
    if (!mime.isEmpty() && !multipart && !mime.equals("application/x-www-form-urlencoded")) {
      throw new Failure(415, "Content-Type '" + mime + "' is not accepted: send application/x-www-form-urlencoded"
          + (limits.multipart() ? " or multipart/form-data" : ""));
    }
    if (mime.equals("application/x-www-form-urlencoded")) {
      String charset = charset(type);
      if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
        throw new Failure(415, "charset '" + charset + "' is not accepted: bodies are UTF-8");
      }
    }
    if (mime.isEmpty() && declared > 0) {
      throw new Failure(415, "a body needs a Content-Type: application/x-www-form-urlencoded"
          + (limits.multipart() ? " or multipart/form-data" : ""));
    }
  }

  private static long max(String mime, BodyLimits limits) {
    return mime.equals("multipart/form-data") && limits.multipart() ? limits.maxMultipartBytes() : limits.maxFormBytes();
  }

  /** Reads the body; the future fails with a {@link Failure} for a body that is too large, too slow or malformed. */
  static CompletableFuture<Body> read(Request request, BodyLimits limits) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    CompletableFuture<Body> result = new CompletableFuture<>();
    long max = max(mime(type), limits);
    long declared = request.getLength();
    // A body gets the floor, plus a second for every 16 KiB it declares (a poor mobile uplink's
    // pace); one of unknown length is given the time of the largest it may be.
    long millis = limits.deadlineMillis() + (declared >= 0 ? Math.min(declared, max) : max) / 16;
    Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
      if (result.completeExceptionally(new Failure(408, "the request body did not arrive within "
          + (millis + 999) / 1000 + " s").with("Connection", "close"))) {
        request.fail(new java.util.concurrent.TimeoutException("request body too slow"));
      }
    }, millis, TimeUnit.MILLISECONDS);
    result.whenComplete((b, f) -> deadline.cancel());
    if (mime(type).equals("multipart/form-data") && declared <= max) {
      multipart(request, type, limits, result);
    } else {
      new FormRead(request, (int) Math.min(Integer.MAX_VALUE - 16, max), mime(type).isEmpty(), limits.multipart(), result)
          .run();
    }
    return result;
  }

  private static void multipart(Request request, String type, BodyLimits limits, CompletableFuture<Body> result) {
    String boundary = MultiPart.extractBoundary(type);
    if (boundary == null || boundary.isEmpty()) {
      result.completeExceptionally(new Failure(400, "multipart/form-data needs a boundary in its Content-Type"));
      return;
    }
    MultiPartConfig config = new MultiPartConfig.Builder()
        .location(limits.spool())
        .maxMemoryPartSize(IN_MEMORY_PART_BYTES)
        .maxSize(limits.maxMultipartBytes())
        .maxPartSize(limits.maxMultipartBytes())
        .maxParts(1000)
        .useFilesForPartsWithoutFileName(false)
        .build();
    MultiPartFormData.from(request, request, type, config).whenComplete((parts, failure) -> {
      if (failure != null) {
        result.completeExceptionally(multipartFailure(failure, limits.maxMultipartBytes()));
      } else if (!result.complete(Body.multipart(parts))) {
        parts.close();
      }
    });
  }

  private static Failure multipartFailure(Throwable failure, long max) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("max length") || m.contains("exceeds") || m.contains("too large") || m.contains("max size")) {
        return tooLarge(max).with("Connection", "close");
      }
      if (t instanceof java.util.concurrent.TimeoutException) {
        return new Failure(408, "the request body did not arrive in time").with("Connection", "close");
      }
    }
    return new Failure(400, "the multipart/form-data body is malformed");
  }

  static Failure tooLarge(long max) {
    return new Failure(413, "the request body is larger than the limit of " + max + " bytes");
  }

  /**
   * Collects a url-encoded body chunk by chunk as the network delivers it. A body over the limit
   * is read on and dropped up to {@link #DRAIN_FACTOR} times the limit before the 413: a client
   * sends its whole body before it reads the answer, and closing while it still arrives would
   * reset the connection before the client saw the 413.
   */
  private static final class FormRead implements Runnable {
    private final Request request;
    private final int max;
    private final boolean typeless;
    private final boolean multipartToo;
    private final CompletableFuture<Body> result;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long total;

    FormRead(Request request, int max, boolean typeless, boolean multipartToo, CompletableFuture<Body> result) {
      this.request = request;
      this.max = max;
      this.typeless = typeless;
      this.multipartToo = multipartToo;
      this.result = result;
    }

    @Override
    public void run() {
      while (!result.isDone()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          result.completeExceptionally(new Failure(400, "the request body could not be read"));
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        total += b.remaining();
        if (total <= max) {
          byte[] copy = new byte[b.remaining()];
          b.get(copy);
          bytes.writeBytes(copy);
        } else if (total > (long) max * DRAIN_FACTOR) {
          chunk.release();
          result.completeExceptionally(tooLarge(max).with("Connection", "close"));
          return;
        }
        chunk.release();
        if (chunk.isLast()) {
          if (total > max) {
            result.completeExceptionally(tooLarge(max));
          } else if (typeless && total > 0) {
            result.completeExceptionally(new Failure(415, "a body needs a Content-Type:"
                + " application/x-www-form-urlencoded" + (multipartToo ? " or multipart/form-data" : "")));
          } else {
            result.complete(Body.form(bytes.toByteArray()));
          }
          return;
        }
      }
    }
  }

  static String mime(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  private static String charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        return p.substring(8).replace("\"", "").trim();
      }
    }
    return null;
  }
}
