package org.civic311.server.domain.interop;

/**
 * An upstream as last seen: {@code health} is what its last answer (at start-up or to a send)
 * showed, with the reason in {@code note}, at {@code checkedAt} (epoch ms; 0 when not asked yet).
 */
public record UpstreamState(String jurisdictionId, String url, Health health, String note, long checkedAt) {

  /** What an upstream's last answer showed. */
  public enum Health {
    /** Not asked yet. */
    UNKNOWN,
    /** Answered as an Open311 server. */
    ANSWERING,
    /** Answered, as Open311, with a server error (5xx, 429). */
    FAILING,
    /** Did not answer, or not as an Open311 server (an HTML page, a wrong document). */
    UNREACHABLE
  }

  UpstreamState at(long now) {
    return new UpstreamState(jurisdictionId, url, health, note, now);
  }

  /** The health as staff read it. */
  public String label() {
    return switch (health) {
      case UNKNOWN -> "not asked yet";
      case ANSWERING -> "answering";
      case FAILING -> "failing";
      case UNREACHABLE -> "unreachable or not Open311";
    };
  }
}
