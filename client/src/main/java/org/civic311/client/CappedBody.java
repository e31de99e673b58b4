package org.civic311.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Takes a body up to a limit and then stops reading, so a server that sends gigabytes costs at
 * most the limit in memory and transfer. The result says whether the body was whole.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {
  record Bytes(byte[] body, boolean complete) {}

  private final long limit;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<Bytes> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(long limit) {
    this.limit = limit;
  }

  static HttpResponse.BodyHandler<Bytes> handler(long limit) {
    return info -> new CappedBody(limit);
  }

  @Override
  public CompletionStage<Bytes> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      int take = (int) Math.min(b.remaining(), limit - out.size());
      byte[] chunk = new byte[take];
      b.get(chunk);
      out.write(chunk, 0, take);
      if (b.hasRemaining()) {
        result.complete(new Bytes(out.toByteArray(), false));
        subscription.cancel();
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(new Bytes(out.toByteArray(), true));
  }
}
