package org.civic311.server.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
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
  /** A multipart body up to this size is gathered in memory; a larger one in a temporary file. */
  static final int IN_MEMORY_BODY_BYTES = 64 * 1024;

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

  /**
   * Reads the body; the future fails with a {@link Failure} for a body that is too large, too
   * slow or malformed. A multipart body is gathered first (past {@link #IN_MEMORY_BODY_BYTES} in a
   * temporary file) and split into parts on {@code executor} once it is whole, so a malformed one
   * is answered 400 like any other fault and never fails the connection under the answer.
   */
  static CompletableFuture<Body> read(Request request, BodyLimits limits, java.util.concurrent.Executor executor) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    CompletableFuture<Raw> raw = new CompletableFuture<>();
    long max = max(mime(type), limits);
    long declared = request.getLength();
    // A body gets the floor, plus a second for every 16 KiB it declares (a poor mobile uplink's
    // pace); one of unknown length is given the time of the largest it may be.
    long millis = limits.deadlineMillis() + (declared >= 0 ? Math.min(declared, max) : max) / 16;
    Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
      if (raw.completeExceptionally(new Failure(408, "the request body did not arrive within "
          + (millis + 999) / 1000 + " s").with("Connection", "close"))) {
        request.fail(new java.util.concurrent.TimeoutException("request body too slow"));
      }
    }, millis, TimeUnit.MILLISECONDS);
    raw.whenComplete((b, f) -> deadline.cancel());
    boolean multipart = mime(type).equals("multipart/form-data") && limits.multipart() && declared <= max;
    new RawRead(request, max, mime(type).isEmpty(), limits.multipart(), multipart ? limits.spool() : null, raw).run();
    if (!multipart) {
      return raw.thenApply(r -> Body.form(r.bytes()));
    }
    String boundary = MultiPart.extractBoundary(type);
    if (boundary == null || boundary.isEmpty()) {
      return raw.thenApply(r -> {
        r.delete();
        throw new Failure(400, "multipart/form-data needs a boundary in its Content-Type");
      });
    }
    return raw.thenApplyAsync(r -> {
      try {
        return parts(r, boundary, limits);
      } finally {
        r.delete();
      }
    }, executor);
  }

  /**
   * Reads a body only to drop it, then fails with {@code refusal}: a client sends its whole body
   * before it reads the answer, so answering at once would reset the connection under the answer
   * and the client would never see why. Costs the network's bytes, no memory; a body past the
   * route's limit, or slower than its deadline, is cut off and the connection closed.
   */
  static CompletableFuture<Body> drop(Request request, BodyLimits limits, Failure refusal) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    long max = max(mime(type), limits);
    CompletableFuture<Body> result = new CompletableFuture<>();
    Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
      if (result.completeExceptionally(refusal.with("Connection", "close"))) {
        request.fail(new java.util.concurrent.TimeoutException("request body too slow"));
      }
    }, limits.deadlineMillis() + max / 16, TimeUnit.MILLISECONDS);
    result.whenComplete((b, f) -> deadline.cancel());
    new Runnable() {
      private long total;

      @Override
      public void run() {
        while (!result.isDone()) {
          Content.Chunk chunk = request.read();
          if (chunk == null) {
            request.demand(this);
            return;
          }
          if (Content.Chunk.isFailure(chunk)) {
            result.completeExceptionally(refusal.with("Connection", "close"));
            return;
          }
          total += chunk.remaining();
          boolean last = chunk.isLast();
          chunk.release();
          if (total > max) {
            result.completeExceptionally(refusal.with("Connection", "close"));
          } else if (last) {
            result.completeExceptionally(refusal);
          }
        }
      }
    }.run();
    return result;
  }

  /** A whole body: its bytes, or the temporary file that holds them. */
  private record Raw(byte[] bytes, java.nio.file.Path file) {
    Content.Source source() throws java.io.IOException {
      return file == null ? new ByteBufferContentSource(ByteBuffer.wrap(bytes)) : Content.Source.from(file);
    }

    void delete() {
      if (file != null) {
        try {
          java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
          // the spool folder is temporary anyway
        }
      }
    }
  }

  private static Body parts(Raw raw, String boundary, BodyLimits limits) {
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setFilesDirectory(limits.spool());
    parser.setMaxMemoryFileSize(IN_MEMORY_PART_BYTES);
    parser.setMaxLength(limits.maxMultipartBytes());
    parser.setMaxFileSize(limits.maxMultipartBytes());
    parser.setMaxParts(1000);
    try {
      return Body.multipart(parser.parse(raw.source()).get());
    } catch (java.util.concurrent.ExecutionException | java.io.IOException e) {
      throw new Failure(400, "the multipart/form-data body is malformed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(503, "the server is shutting down");
    }
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
  private static final class RawRead implements Runnable {
    private final Request request;
    private final long max;
    private final boolean typeless;
    private final boolean multipartToo;
    private final java.nio.file.Path spool;
    private final CompletableFuture<Raw> result;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private java.nio.file.Path file;
    private java.nio.channels.FileChannel channel;
    private long total;

    RawRead(Request request, long max, boolean typeless, boolean multipartToo, java.nio.file.Path spool,
        CompletableFuture<Raw> result) {
      this.request = request;
      this.max = max;
      this.spool = spool;
      this.typeless = typeless;
      this.multipartToo = multipartToo;
      this.result = result;
    }

    @Override
    public void run() {
      while (true) {
        if (result.isDone()) {
          // Answered already (the deadline): what was kept on disk goes.
          close();
          if (result.isCompletedExceptionally()) {
            new Raw(null, file).delete();
          }
          return;
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          fail(new Failure(400, "the request body could not be read"));
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        total += b.remaining();
        if (total <= max) {
          if (!keep(b)) {
            chunk.release();
            return;
          }
        } else if (total > max * DRAIN_FACTOR) {
          chunk.release();
          fail(tooLarge(max).with("Connection", "close"));
          return;
        }
        chunk.release();
        if (chunk.isLast()) {
          if (total > max) {
            fail(tooLarge(max));
          } else if (typeless && total > 0) {
            fail(new Failure(415, "a body needs a Content-Type:"
                + " application/x-www-form-urlencoded" + (multipartToo ? " or multipart/form-data" : "")));
          } else {
            close();
            if (!result.complete(new Raw(bytes.toByteArray(), file))) {
              new Raw(null, file).delete();
            }
          }
          return;
        }
      }
    }

    /** Keeps bytes in memory, or past {@link #IN_MEMORY_BODY_BYTES} in the spool file. */
    private boolean keep(ByteBuffer b) {
      try {
        if (channel == null && spool != null && bytes.size() + b.remaining() > IN_MEMORY_BODY_BYTES) {
          file = java.nio.file.Files.createTempFile(spool, "body-", ".part");
          channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE);
          channel.write(ByteBuffer.wrap(bytes.toByteArray()));
          bytes.reset();
        }
        if (channel != null) {
          while (b.hasRemaining()) {
            channel.write(b);
          }
        } else {
          byte[] copy = new byte[b.remaining()];
          b.get(copy);
          bytes.writeBytes(copy);
        }
        return true;
      } catch (java.io.IOException e) {
        fail(new Failure(503, "the body could not be kept for reading; try again shortly").with("Retry-After", "5"));
        return false;
      }
    }

    private void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (java.io.IOException e) {
          // the file is deleted when the call ends
        }
      }
    }

    private void fail(Failure f) {
      close();
      result.completeExceptionally(f);
      new Raw(null, file).delete();
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
