package org.civic311.server.domain.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.FollowerStore;
import org.civic311.server.storage.UpdateRecord;

/** A follower store in memory, with the update history and one cursor, for the domain tests. */
final class FakeFollowerStore implements FollowerStore {
  final List<FollowerRecord> followers = new ArrayList<>();
  final List<UpdateRecord> updates = new ArrayList<>();
  long cursor;
  int lookups;
  /** Runs just before the next {@link #advance}, as another node could. */
  Runnable beforeAdvance = () -> {};

  @Override
  public synchronized FollowerRecord add(long requestId, String email, String locale, String token, long now) {
    FollowerRecord f = new FollowerRecord(followers.size() + 1, requestId, email, locale, token, now, null);
    followers.add(f);
    return f;
  }

  @Override
  public synchronized List<FollowerRecord> activeFollowers(long requestId) {
    return followers.stream().filter(f -> f.requestId() == requestId && f.unsubscribedAt() == null).toList();
  }

  @Override
  public synchronized Optional<FollowerRecord> findByToken(String token) {
    lookups++;
    return followers.stream().filter(f -> f.token().equals(token)).findFirst();
  }

  @Override
  public synchronized boolean unsubscribe(String token, long now) {
    lookups++;
    for (int i = 0; i < followers.size(); i++) {
      FollowerRecord f = followers.get(i);
      if (f.token().equals(token) && f.unsubscribedAt() == null) {
        followers.set(i, new FollowerRecord(f.id(), f.requestId(), f.email(), f.locale(), f.token(), f.createdAt(),
            now));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized long cursor(String job) {
    return cursor;
  }

  @Override
  public synchronized boolean advance(String job, long from, long to) {
    Runnable r = beforeAdvance;
    beforeAdvance = () -> {};
    r.run();
    if (cursor != from) {
      return false;
    }
    cursor = to;
    return true;
  }

  @Override
  public synchronized List<UpdateRecord> updatesAfter(long afterId, int limit) {
    return updates.stream().filter(u -> u.id() > afterId).limit(limit).toList();
  }
}
