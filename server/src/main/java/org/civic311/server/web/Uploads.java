package org.civic311.server.web;

import java.util.ArrayList;
import java.util.List;
import org.civic311.server.media.MediaIntake;
import org.civic311.server.storage.MediaRecord;

/**
 * Turns the photo parts of a POST into stored, cleaned media with public URLs. Called only once
 * the rest of the submission is known to be acceptable, so refused reports leave no files.
 */
public final class Uploads {
  /** Where photos are served, below the server's root. */
  static final String PATH = "/media/";

  private final MediaIntake intake;

  public Uploads(MediaIntake intake) {
    this.intake = intake;
  }

  public List<MediaRecord> store(List<RequestBody.Upload> uploads, String baseUrl) {
    intake.checkCount(uploads.stream().map(RequestBody.Upload::partName).toList());
    List<MediaRecord> out = new ArrayList<>(uploads.size());
    for (RequestBody.Upload u : uploads) {
      MediaIntake.Accepted a = intake.accept(u.partName(), u.bytes());
      out.add(new MediaRecord(out.size(), a.key(), a.type().mimeType(),
          baseUrl + PATH + a.key() + "." + a.type().extension(), a.thumbnailKey().orElse(null)));
    }
    return out;
  }
}
