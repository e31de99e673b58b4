package org.civic311.bench;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.civic311.server.config.ServiceSettings;

/**
 * Synthetic requests for {@code bench/stores} and {@code bench/search}: spread evenly over the
 * last two years around Washington DC, with descriptions written from phrases residents use, so
 * that text search meets a realistic spread of word frequencies. Phrases follow a Zipf law (the
 * first ones are in most descriptions); one description in fifty also names a rare thing from
 * {@link #RARE}, so each rare word is in about one request in 10,000. Same seed, same rows.
 *
 * <p>Not thread-safe: one generator per loading thread.
 */
final class SearchRows {
  static final long SPAN_MS = Duration.ofDays(730).toMillis();
  static final double MIN_LAT = 38.80;
  static final double MAX_LAT = 39.00;
  static final double MIN_LON = -77.12;
  static final double MAX_LON = -76.90;
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  /** Most frequent first; the words of the first few are the "common" words of the queries. */
  static final String[] PHRASES = {
      "near the corner", "on the sidewalk", "for several days", "broken", "in front of the house",
      "blocking the street", "again", "large", "by the bus stop", "since last week", "next to the park",
      "dangerous at night", "outside the school", "hard to see", "across from the church", "getting worse",
      "reported before", "in the alley", "children play here", "cars swerve around it", "after the storm",
      "near the intersection", "leaking", "smells bad", "very loud", "every morning", "behind the library",
      "along the curb", "by the fire hydrant", "at the crosswalk", "down the block", "in the median",
      "next to the mailbox", "under the bridge", "outside the grocery store", "by the metro entrance",
      "near the playground", "in the parking lot", "past the gas station", "on the bike lane",
      "beside the church steps", "opposite the pharmacy", "neighbors complained", "someone tripped",
      "water pooling", "mud everywhere", "trash piling up", "rats seen", "glass on the ground",
      "cracked pavement", "deep pothole", "tree roots lifted it", "light flickering", "sign knocked over",
      "paint faded", "graffiti on the wall", "abandoned for weeks", "no plates", "overflowing bin",
      "dumped mattress", "branches hanging low", "wires hanging", "manhole cover loose", "ice forming",
      "snow not cleared", "noise after midnight", "flooding during rain", "drain clogged with leaves",
  };

  /** Rare things: each is in about one description in 10,000. */
  static final String[] RARE = {
      "gazebo", "trampoline", "canoe", "piano", "chandelier", "aquarium", "scaffolding", "wheelbarrow",
      "accordion", "harpsichord", "sofa", "refrigerator", "treadmill", "jukebox", "bathtub", "carousel",
      "hammock", "kayak", "lawnmower", "mannequin", "microwave", "motorboat", "parasol", "pinball",
      "pogo", "rickshaw", "saxophone", "sculpture", "skateboard", "sleigh", "snowmobile", "stroller",
      "surfboard", "tandem", "telescope", "tricycle", "trombone", "tuba", "unicycle", "vending",
      "wardrobe", "windmill", "xylophone", "zeppelin", "birdbath", "bookcase", "cello", "dumbbell",
      "easel", "fountain", "gramophone", "hatrack", "igloo", "jetski", "kiln", "ladder", "mailcart",
      "nightstand", "ottoman", "pianola", "quilt", "rowboat", "sawhorse", "totem", "umbrella", "violin",
      "waterbed", "yurt", "anvil", "bassoon", "cradle", "dartboard", "forklift", "gurney", "hovercraft",
      "incubator", "jackhammer", "kettlebell", "loveseat", "metronome", "nutcracker", "oboe", "pedalo",
      "recliner", "stepladder", "toboggan", "vespa", "whirligig", "armoire", "banjo", "caravan",
  };
  static final String[] STREETS = {
      "Massachusetts Ave NW", "Connecticut Ave NW", "Georgia Ave NW", "Rhode Island Ave NE",
      "Pennsylvania Ave SE", "14th St NW", "16th St NW", "H St NE", "U St NW", "K St NW",
      "Benning Rd NE", "Minnesota Ave SE", "Wisconsin Ave NW", "New York Ave NE", "Florida Ave NW",
      "Good Hope Rd SE", "Kenyon St NW", "Irving St NW", "Columbia Rd NW", "M St SE",
  };
  private static final double[] PHRASE_WEIGHTS = zipf(PHRASES.length);

  private final List<ServiceSettings> services;
  private final Random random;
  private final long first;
  private final long now;
  private final StringBuilder text = new StringBuilder(160);

  // The current row.
  ServiceSettings service;
  boolean closed;
  String description;
  long requestedAt;
  long updatedAt;
  String address;
  double lat;
  double lon;
  String token;

  SearchRows(List<ServiceSettings> services, long now, long seed) {
    this.services = services;
    this.random = new Random(seed);
    this.now = now;
    this.first = now - SPAN_MS;
  }

  /**
   * Moves to the next row, placed at {@code share} (0..1) of the two years, give or take a
   * minute: loaders walk the timeline oldest first, the way a city's history accumulates, which
   * keeps the time-ordered indexes appending instead of splitting pages all over.
   */
  void next(double share) {
    service = services.get(random.nextInt(services.size()));
    requestedAt = Math.min(now, first + (long) (share * SPAN_MS) + random.nextInt(60_000));
    closed = requestedAt < now - 30 * DAY_MS ? random.nextInt(10) < 9 : random.nextInt(10) < 3;
    updatedAt = closed ? Math.min(now, requestedAt + random.nextInt((int) (20 * DAY_MS))) : requestedAt;
    text.setLength(0);
    text.append(service.name());
    int phrases = 2 + random.nextInt(3);
    for (int k = 0; k < phrases; k++) {
      text.append(k == 0 ? " " : ", ").append(PHRASES[pick(random.nextDouble())]);
    }
    if (random.nextInt(50) == 0) {
      text.append(", by the ").append(RARE[random.nextInt(RARE.length)]);
    }
    description = text.toString();
    address = (1 + random.nextInt(4000)) + " " + STREETS[random.nextInt(STREETS.length)];
    lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
    lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
    token = "batch".equals(service.type()) ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
  }

  private static int pick(double u) {
    int lo = 0;
    int hi = PHRASE_WEIGHTS.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (PHRASE_WEIGHTS[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Cumulative Zipf (s = 1) weights over n ranks. */
  private static double[] zipf(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / (i + 1);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }
}
