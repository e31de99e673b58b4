package org.civic311.server.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.ServiceType;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.FollowerStore;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.NewRequest;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.sql.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Followers on a real SQLite file, with one request to follow. */
class FollowersTest {
  static final String CITY = "city.example.org";

  @TempDir
  Path folder;
  Database database;
  FollowerStore store;
  Followers followers;
  long request;

  @BeforeEach
  void openCity() {
    database = Database.open("jdbc:sqlite:" + folder.resolve("civic311.db"), null, null);
    database.migrate();
    database.catalogue().synchronize(new JurisdictionRecord(CITY, "City", "UTC", 0), List.of(new ServiceRecord("POT",
        "Pothole", null, ServiceType.REALTIME, null, null, null, null, List.of(), false)), 1_000);
    request = database.requests().insert(new NewRequest(CITY, "POT", "Pothole", "Deep hole", null, null, 1_000,
        null, "12 Test Lane", null, null, 38.9, -77.0, null, null, Map.of(), null,
        new NewRequest.Reporter(null, null, null, null, null, null), "web", List.of())).id();
    store = database.followers();
    followers = new Followers(store, Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC));
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void followingGivesAnUnguessableUrlSafeToken() {
    FollowerRecord f = followers.follow(request, "  Ann@Example.org ", "es-MX");
    assertThat(f.email()).isEqualTo("Ann@Example.org");
    assertThat(f.locale()).isEqualTo("es");
    assertThat(f.createdAt()).isEqualTo(5_000);
    assertThat(f.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(followers.follow(request, "b@example.org", null).token()).isNotEqualTo(f.token());
  }

  @Test
  void followingTwiceWithTheSameAddressKeepsOneFollower() {
    FollowerRecord first = followers.follow(request, "ann@example.org", "en");
    assertThat(followers.follow(request, "ANN@example.org", "es")).isEqualTo(first);
    assertThat(store.activeFollowers(request)).hasSize(1);
  }

  @Test
  void implausibleAddressesAreRefusedWithAReason() {
    assertThatThrownBy(() -> followers.follow(request, " ", "en")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Give an email address, such as name@example.org.");
    for (String bad : new String[] {"ann", "ann@", "@example.org", "ann@example", "a b@example.org",
        "ann@example.org\r\nBcc: x@example.org", "ann@example.org, bob@example.org", "<ann@example.org>"}) {
      assertThatThrownBy(() -> followers.follow(request, bad, "en")).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not an email address such as name@example.org");
    }
    assertThatThrownBy(() -> followers.follow(request, "a".repeat(250) + "@example.org", "en"))
        .hasMessage("An email address has at most 254 characters.");
    assertThat(store.activeFollowers(request)).isEmpty();
    assertThat(Followers.acceptsEmail(" ann@example.org ")).isTrue();
    assertThat(Followers.acceptsEmail("ann@example")).isFalse();
    assertThat(Followers.acceptsEmail(null)).isFalse();
  }

  @Test
  void unsubscribingWorksOnceAndFindStillKnowsTheFollower() {
    FollowerRecord f = followers.follow(request, "ann@example.org", "en");
    assertThat(followers.unsubscribe(f.token())).isTrue();
    assertThat(followers.unsubscribe(f.token())).isFalse();
    assertThat(followers.find(f.token())).get().extracting(FollowerRecord::unsubscribedAt).isEqualTo(5_000L);
    assertThat(store.activeFollowers(request)).isEmpty();
  }

  @Test
  void malformedTokensAreUnknownWithoutAskingTheStore() {
    // Stored behind Followers' back, so only the token check can keep them unknown.
    store.add(request, "ann@example.org", "en", "short", 1_000);
    store.add(request, "bob@example.org", "en", "../../etc", 1_000);
    assertThat(followers.find(null)).isEmpty();
    assertThat(followers.find("../../etc")).isEmpty();
    assertThat(followers.unsubscribe("short")).isFalse();
    assertThat(store.activeFollowers(request)).extracting(FollowerRecord::token).containsExactly("short", "../../etc");
  }
}
