package org.civic311.server.domain.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.civic311.server.storage.FollowerRecord;
import org.junit.jupiter.api.Test;

class FollowersTest {
  final FakeFollowerStore store = new FakeFollowerStore();
  final Followers followers = new Followers(store, Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC));

  @Test
  void followingGivesAnUnguessableUrlSafeToken() {
    FollowerRecord f = followers.follow(42, "  Ann@Example.org ", "es-MX");
    assertThat(f.email()).isEqualTo("Ann@Example.org");
    assertThat(f.locale()).isEqualTo("es");
    assertThat(f.createdAt()).isEqualTo(5_000);
    assertThat(f.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(followers.follow(42, "b@example.org", null).token()).isNotEqualTo(f.token());
  }

  @Test
  void followingTwiceWithTheSameAddressKeepsOneFollower() {
    FollowerRecord first = followers.follow(42, "ann@example.org", "en");
    assertThat(followers.follow(42, "ANN@example.org", "es")).isEqualTo(first);
    assertThat(store.activeFollowers(42)).hasSize(1);
  }

  @Test
  void implausibleAddressesAreRefusedWithAReason() {
    assertThatThrownBy(() -> followers.follow(42, " ", "en")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Give an email address, such as name@example.org.");
    for (String bad : new String[] {"ann", "ann@", "@example.org", "ann@example", "a b@example.org",
        "ann@example.org\r\nBcc: x@example.org", "ann@example.org, bob@example.org", "<ann@example.org>"}) {
      assertThatThrownBy(() -> followers.follow(42, bad, "en")).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not an email address such as name@example.org");
    }
    assertThatThrownBy(() -> followers.follow(42, "a".repeat(250) + "@example.org", "en"))
        .hasMessage("An email address has at most 254 characters.");
    assertThat(store.activeFollowers(42)).isEmpty();
    assertThat(Followers.acceptsEmail(" ann@example.org ")).isTrue();
    assertThat(Followers.acceptsEmail("ann@example")).isFalse();
    assertThat(Followers.acceptsEmail(null)).isFalse();
  }

  @Test
  void unsubscribingWorksOnceAndFindStillKnowsTheFollower() {
    FollowerRecord f = followers.follow(42, "ann@example.org", "en");
    assertThat(followers.unsubscribe(f.token())).isTrue();
    assertThat(followers.unsubscribe(f.token())).isFalse();
    assertThat(followers.find(f.token())).get().extracting(FollowerRecord::unsubscribedAt).isEqualTo(5_000L);
    assertThat(store.activeFollowers(42)).isEmpty();
  }

  @Test
  void malformedTokensAreUnknownWithoutAskingTheStore() {
    assertThat(followers.find(null)).isEmpty();
    assertThat(followers.find("../../etc")).isEmpty();
    assertThat(followers.unsubscribe("short")).isFalse();
    assertThat(store.lookups).isZero();
  }
}
