package org.civic311.server.web.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.ApiKeys;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.interop.Idempotency;
import org.civic311.server.storage.ApiKeyRecord;
import org.civic311.server.web.Action;
import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Upload;

/**
 * Wraps an API POST so that it honours {@code Idempotency-Key}: without the header, or without a
 * valid API key (which the POST itself then refuses), the POST runs as usual; with both, it runs
 * once and its answer is given again to repeats (marked {@code Idempotent-Replayed: true}).
 */
public final class IdempotentPosts {
  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  private final Idempotency idempotency;
  private final Jurisdictions jurisdictions;
  private final ApiKeys keys;

  public IdempotentPosts(Idempotency idempotency, Jurisdictions jurisdictions, ApiKeys keys) {
    this.idempotency = idempotency;
    this.jurisdictions = jurisdictions;
    this.keys = keys;
  }

  public Action wrap(Action post) {
    return x -> {
      String key = x.header(HEADER);
      if (key == null) {
        return post.run(x);
      }
      ApiKeyRecord apiKey = apiKey(x).orElse(null);
      if (apiKey == null) {
        return post.run(x);
      }
      Idempotency.Outcome outcome = idempotency.once(key.strip(), apiKey.id(), bodyHash(x), () -> {
        Answer a = post.run(x);
        return new Idempotency.Stored(a.status(), a.contentType(), a.body());
      });
      Idempotency.Stored s = outcome.answer();
      Answer a = Answer.of(s.status(), s.contentType(), s.body());
      return outcome.replayed() ? a.withHeader("Idempotent-Replayed", "true") : a;
    };
  }

  private Optional<ApiKeyRecord> apiKey(Exchange x) {
    try {
      var catalogue = jurisdictions.resolve(x.parameters().optional("jurisdiction_id"));
      return Optional.of(keys.authenticate(x.parameters().optional("api_key"), catalogue.jurisdiction()));
    } catch (Refusal | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * What makes two POSTs the same: the path, every parameter (query and body, in a fixed order)
   * and each uploaded part's name and length.
   */
  static String bodyHash(Exchange x) {
    StringBuilder b = new StringBuilder(x.path()).append('\n');
    Parameters p = x.parameters();
    List<String> names = new ArrayList<>(p.names());
    names.sort(null);
    for (String name : names) {
      for (String value : p.all(name)) {
        b.append(name.length()).append(':').append(name).append('=')
            .append(value.length()).append(':').append(value).append('\n');
      }
    }
    for (Upload u : x.uploads()) {
      b.append("upload ").append(u.partName()).append(' ').append(u.length()).append('\n');
    }
    return Idempotency.digest(b.toString().getBytes(StandardCharsets.UTF_8));
  }
}
