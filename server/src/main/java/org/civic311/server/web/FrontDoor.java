package org.civic311.server.web;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.civic311.server.storage.StorageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door every call comes through. It finds the call's route in the table, and does what
 * is the same for every route whatever its family: HEAD as GET without the body, 405 with
 * {@code Allow}, the checks that need no body before the body is read (without a thread while
 * it arrives), the number of multipart uploads in flight, the rate limits of writes (each writing route's {@link WriteGate}), validators
 * and 304s, the request id, the timers and the access log, the cleanup of a call's temporary
 * files, and where the call's reads go (the primary, or a replica that has the caller's writes:
 * {@link ReadYourWrites}). The route's family renders failures and adds its own headers.
 */
public final class FrontDoor extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
  /** How long a write refused by the rate limits waits for its 429. */
  static final long REFUSAL_PAUSE_MILLIS = 1_000;
  private final Routes routes;
  private final List<Family> families;
  private final Semaphore uploads;
  private final RequestTimers timers;
  private final ReadYourWrites reads;

  /**
   * @param families        every family, in the order they claim unmatched paths; the last claims the rest
   * @param uploadsInFlight how many multipart bodies may be read and taken in at once; more get a 503
   * @param meters          where every call is timed by route, method and status, or null for nowhere
   */
  public FrontDoor(Routes routes, List<Family> families, int uploadsInFlight,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this(routes, families, uploadsInFlight, meters, ReadYourWrites.NONE);
  }

  /** @param reads where each call's reads go: the primary, or replicas that have its writes */
  public FrontDoor(Routes routes, List<Family> families, int uploadsInFlight,
      io.micrometer.core.instrument.MeterRegistry meters, ReadYourWrites reads) {
    this.reads = reads;
    this.routes = routes;
    this.families = List.copyOf(families);
    this.uploads = new Semaphore(uploadsInFlight);
    this.timers = new RequestTimers(meters, routes.list());
  }

  /** The route table behind the door. */
  public Routes routes() {
    return routes;
  }

  /** The path with runs of slashes made one ({@code /open311/v2//services.xml} is what a base URL with a trailing slash gives). */
  static String normalise(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.indexOf("//") < 0 ? path : path.replaceAll("/{2,}", "/");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String path = normalise(request.getHttpURI().getPath());
    Routes.Lookup found = routes.find(method.equals("OPTIONS") ? "GET" : method, path);
    Route route = found.route();
    Family family = route != null ? route.family() : familyOf(path);
    Visit v = new Visit(new Exchange(request, route, found.values()), family, response, callback,
        RequestId.of(request.getHeaders().get(RequestId.HEADER)));
    String outer = RequestId.enter(v.id);
    try {
      if (method.equals("OPTIONS")) {
        Answer preflight = family.options(v.x);
        if (preflight == null) {
          throw new Failure(405, "method OPTIONS is not allowed here").with("Allow",
              route != null ? route.allowed() : "GET, HEAD");
        }
        v.send(preflight);
        return true;
      }
      if (route == null) {
        if (found.allowed() != null) {
          throw new Failure(405, "method " + method + " is not allowed here; use " + found.allowed())
              .with("Allow", found.allowed());
        }
        throw new Failure(404, "no such resource: " + path);
      }
      v.x.checkQuery();
      Answer early = family.before(v.x);
      if (early != null) {
        v.send(early);
        return true;
      }
      if (method.equals("POST") && route.body() != null) {
        BodyReader.precheck(request, route.body());
        if (BodyReader.mime(request.getHeaders().get(HttpHeader.CONTENT_TYPE)).equals("multipart/form-data")) {
          if (!uploads.tryAcquire()) {
            Failure busy = new Failure(503, "too many uploads are in progress; try again in a few seconds")
                .with("Retry-After", "5");
            BodyReader.drop(request, route.body(), busy).whenComplete((body, failure) ->
                request.getComponents().getExecutor().execute(() -> v.within(() -> v.fail(failure))));
            return true;
          }
          v.uploadSlot = true;
        }
        if (route.gate() != null) {
          route.gate().beforeBody(v.x);
        }
        BodyReader.read(request, route.body(), request.getComponents().getExecutor()).whenComplete((body, failure) ->
            request.getComponents().getExecutor().execute(() -> v.within(() -> {
              if (failure != null) {
                v.fail(failure);
              } else {
                try {
                  v.x.received(body);
                } catch (Throwable t) {
                  v.fail(t);
                  return;
                }
                v.run();
              }
            })));
        return true;
      }
      if (route.gate() != null) {
        route.gate().beforeBody(v.x);
      }
      v.run();
    } catch (Throwable t) {
      v.fail(t);
    } finally {
      RequestId.leave(outer);
    }
    return true;
  }

  private Family familyOf(String path) {
    for (Family f : families) {
      if (f.owns(path)) {
        return f;
      }
    }
    return families.get(families.size() - 1);
  }

  /** Counts what a streamed answer wrote, for the access log. */
  private static final class Counting extends java.io.FilterOutputStream {
    long count;

    Counting(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws java.io.IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** One call on its way through the door. */
  private final class Visit {
    final Exchange x;
    final Family family;
    final Response response;
    final Callback callback;
    final long started = System.nanoTime();
    final String id;
    boolean uploadSlot;

    Visit(Exchange x, Family family, Response response, Callback callback, String id) {
      this.x = x;
      this.family = family;
      this.response = response;
      this.callback = callback;
      this.id = id;
    }

    /** Runs part of the call on another thread with the call's request id in the log context. */
    void within(Runnable part) {
      String outer = RequestId.enter(id);
      try {
        part.run();
      } finally {
        RequestId.leave(outer);
      }
    }

    void run() {
      try (org.civic311.server.storage.ReadScope.Entered scope = reads.scopeOf(x, family).enter()) {
        family.checked(x);
        WriteGate gate = x.route().gate();
        if (gate != null) {
          gate.afterBody(x);
        }
        Answer a = reads.written(x, x.route().action().run(x));
        if (gate != null) {
          a = gate.decorate(x, a);
        }
        send(a);
      } catch (Throwable t) {
        fail(t);
      }
    }

    void fail(Throwable t) {
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      Failure f = Failures.of(cause);
      if (f.status() >= 500 && !(cause instanceof Failure)) {
        if (cause instanceof StorageException) {
          LOG.warn("database unavailable on {} {}: {}", x.method(), AccessLog.path(x),
              AccessLog.withoutStatement(cause.getMessage()));
        } else {
          LOG.error("internal error on {} {}", x.method(), AccessLog.path(x), cause);
        }
      }
      Answer a;
      try {
        a = family.error(x, f);
      } catch (RuntimeException e) {
        LOG.error("the error page failed on {} {}", x.method(), AccessLog.path(x), e);
        a = Answer.text(f.status(), f.getMessage());
      }
      for (Answer.Header header : f.headers()) {
        a = a.withHeader(header.name(), header.value());
      }
      if (f.status() == 413) {
        // Whatever of the body is still in flight is not worth reading.
        a = a.withHeader("Connection", "close");
      }
      if (x.route() != null && x.route().gate() != null) {
        a = x.route().gate().decorate(x, a);
        if (f.status() == 429) {
          // A refused write is answered after a pause that holds no thread: a client that floods
          // on a few connections then gets a few answers a second, not thousands, and the
          // refusals cost the server little. Clients that keep to Retry-After never see it.
          Answer later = a;
          x.request().getComponents().getScheduler().schedule(() ->
              x.request().getComponents().getExecutor().execute(() -> within(() -> send(later))),
              REFUSAL_PAUSE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
          return;
        }
      }
      send(a);
    }

    void send(Answer a) {
      if (uploadSlot) {
        // The body is read and its photos taken in: the next upload may start.
        uploadSlot = false;
        uploads.release();
      }
      String method = x.method();
      boolean read = method.equals("GET") || method.equals("HEAD");
      String cache = family.cacheControl();
      if (read && a.status() == 200 && cache != null && !cache.contains("no-store")
          && !(a.stream() instanceof Answer.Live)) {
        if (a.stream() == null) {
          a = Validators.tagged(a);
        }
        if (Validators.notModified(x.request(), a)) {
          a = new Answer(304, null, new byte[0], null, List.of(), a.headers(), null);
        }
      }
      response.setStatus(a.status());
      var h = response.getHeaders();
      family.decorate(x, a, h);
      h.put(RequestId.HEADER, id);
      h.put(HttpHeader.CACHE_CONTROL, read && (a.status() == 200 || a.status() == 304) ? cache : "no-store");
      if (a.contentType() != null && a.status() != 304) {
        h.put(HttpHeader.CONTENT_TYPE, a.contentType());
      }
      if (a.location() != null) {
        h.put(HttpHeader.LOCATION, a.location());
      }
      for (String c : a.cookies()) {
        h.add(HttpHeader.SET_COOKIE, c);
      }
      for (Answer.Header header : a.headers()) {
        // Vary adds to what the family said (CORS varies by Origin); every other header replaces.
        if (header.name().equalsIgnoreCase("Vary")) {
          h.add(header.name(), header.value());
        } else {
          h.put(header.name(), header.value());
        }
      }
      boolean body = !method.equals("HEAD") && a.status() != 304 && a.status() != 204;
      int status = a.status();
      if (a.stream() instanceof Answer.Live live && body) {
        LiveChannel channel = new LiveChannel(response, () -> {
          done(status, 0);
          callback.succeeded();
        });
        x.request().addFailureListener(failure -> channel.close());
        live.open(channel);
        return;
      }
      if (a.stream() != null) {
        stream(a.stream(), body, status);
        return;
      }
      long length = a.status() == 304 ? 0 : a.body().length;
      if (!body && a.status() != 304 && a.status() != 204) {
        h.put(HttpHeader.CONTENT_LENGTH, length);
      }
      response.write(true, body ? ByteBuffer.wrap(a.body()) : null, Callback.from(() -> {
        done(status, body ? length : 0);
        callback.succeeded();
      }, failure -> {
        done(status, 0);
        callback.failed(failure);
      }));
    }

    /** Writes a streamed body on this thread; a client gone away ends the writing and the call. */
    private void stream(Answer.Stream stream, boolean body, int status) {
      if (!body) {
        response.write(true, null, Callback.from(() -> {
          done(status, 0);
          callback.succeeded();
        }, failure -> {
          done(status, 0);
          callback.failed(failure);
        }));
        return;
      }
      Counting out = new Counting(org.eclipse.jetty.io.Content.Sink.asOutputStream(response));
      try (out) {
        stream.writeTo(out);
      } catch (java.io.IOException | RuntimeException e) {
        // Headers are out: nothing to do but end the call. A client gone away is no error.
        if (!(e instanceof java.io.IOException)) {
          LOG.error("a streamed answer failed on {} {}", x.method(), AccessLog.path(x), e);
        }
        done(status, out.count);
        callback.failed(e);
        return;
      }
      done(status, out.count);
      callback.succeeded();
    }

    private void done(int status, long bytes) {
      x.body().close();
      long nanos = System.nanoTime() - started;
      timers.record(x.route(), x.method(), status, nanos);
      // The write may complete on a thread of Jetty's own, outside the call's log context.
      String outer = RequestId.enter(id);
      try {
        AccessLog.record(x, x.method(), status, bytes, nanos);
      } catch (RuntimeException e) {
        LOG.warn("access log failed", e);
      } finally {
        RequestId.leave(outer);
      }
    }
  }
}
