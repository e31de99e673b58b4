package org.civic311.server.domain.citizen;

import java.util.List;
import java.util.Map;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.UpdateRecord;

/** Small builders of stored records for the citizen tests; personal details are made easy to spot. */
final class Records {
  static final String CITY = "city.example.org";
  static final NewRequest.Reporter REPORTER = new NewRequest.Reporter("reporter@private.example", "+1 555 0100",
      "Rita", "Reporter", "device-7", "account-9");

  private Records() {}

  static RequestRecord request(long id, String serviceName, String hiddenReason) {
    return new RequestRecord(id, CITY, "POT", serviceName, "open", null, "Deep hole outside number 12, call Rita",
        "Highways", null, 1_000L, 1_000L, null, "12 Private Lane", null, "20001", 38.9, -77.0, null, null,
        Map.of(), REPORTER, "open", "web", null, null, hiddenReason, 0);
  }

  static UpdateRecord update(long id, long requestId, String status, String note) {
    return new UpdateRecord(id, CITY, requestId, "U" + id, status, note, 2_000L, null, List.of());
  }

  static FollowerRecord follower(long id, long requestId, String email, String locale) {
    return new FollowerRecord(id, requestId, email, locale, "tok" + id + "-abcdefghijklmnopqrstuvwxyz", 1_000L,
        null);
  }
}
