package org.civic311.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.civic311.server.media.MediaIntake;
import org.civic311.server.storage.MediaRecord;

/**
 * Turns the photo parts of a POST into stored, cleaned media with public URLs. Called only once
 * the rest of the submission is known to be acceptable, so refused reports leave no files.
 * Taking a photo in holds it and its cleaned copy in memory, so only a few are taken in at once:
 * as many as half the machine's cores, because the work is CPU-bound and the other half must
 * stay free to answer everyone else while a flood of photos arrives. The others wait their turn,
 * and a call that waits too long is answered 503 instead of piling up.
 */
public final class Uploads {
  /** Where photos are served, below the server's root. */
  static final String PATH = "/media/";
  private static final long WAIT_SECONDS = 30;

  private final MediaIntake intake;
  private final Semaphore working;

  public Uploads(MediaIntake intake) {
    this(intake, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  public Uploads(MediaIntake intake, int atOnce) {
    this.intake = intake;
    this.working = new Semaphore(atOnce, true);
  }

  public List<MediaRecord> store(List<Upload> uploads, String baseUrl) {
    intake.checkCount(uploads.stream().map(Upload::partName).toList());
    List<MediaRecord> out = new ArrayList<>(uploads.size());
    for (Upload u : uploads) {
      MediaIntake.Accepted a = accept(u);
      out.add(new MediaRecord(out.size(), a.key(), a.type().mimeType(),
          baseUrl + PATH + a.key() + "." + a.type().extension(), a.thumbnailKey().orElse(null)));
    }
    return out;
  }

  private MediaIntake.Accepted accept(Upload u) {
    try {
      if (!working.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new Failure(503, "the server is busy taking in photos; try again in a minute")
            .with("Retry-After", "30");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(503, "the server is shutting down");
    }
    try {
      return intake.accept(u.partName(), u.bytes());
    } finally {
      working.release();
    }
  }
}
