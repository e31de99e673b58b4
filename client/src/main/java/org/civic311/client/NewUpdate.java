package org.civic311.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.civic311.georeport.ExtendedStatus;
import org.civic311.georeport.GeoDateTime;

/**
 * An update to POST to a request's history ({@code POST servicerequestupdates}, the mySociety
 * extension): the client's own update id, the status after it (sent in upper case, as
 * FixMyStreet sends it), when it happened, a public note and optional photos.
 *
 * <p>Immutable; build with {@link #builder}.
 */
public final class NewUpdate {
  private final List<Map.Entry<String, String>> fields;
  private final List<Photo> photos;

  private NewUpdate(List<Map.Entry<String, String>> fields, List<Photo> photos) {
    this.fields = List.copyOf(fields);
    this.photos = List.copyOf(photos);
  }

  /**
   * A builder for an update.
   *
   * @param serviceRequestId the request updated
   * @param updateId         the sender's own id for this update, unique on its side
   * @param status           the status after the update
   * @param when             when the update happened
   */
  public static Builder builder(String serviceRequestId, String updateId, ExtendedStatus status, OffsetDateTime when) {
    return new Builder(serviceRequestId, updateId, status, when);
  }

  /** Every form field but the API key and jurisdiction, in order. */
  public List<Map.Entry<String, String>> formFields() {
    return fields;
  }

  public List<Photo> photos() {
    return photos;
  }

  /** Collects an update. Not thread-safe. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private final List<Photo> photos = new ArrayList<>();
    private String description = "";

    private Builder(String serviceRequestId, String updateId, ExtendedStatus status, OffsetDateTime when) {
      fields.add(Map.entry("service_request_id", Objects.requireNonNull(serviceRequestId, "serviceRequestId")));
      fields.add(Map.entry("update_id", Objects.requireNonNull(updateId, "updateId")));
      fields.add(Map.entry("status", Objects.requireNonNull(status, "status").wireName().toUpperCase(Locale.ROOT)));
      fields.add(Map.entry("updated_datetime", GeoDateTime.format(Objects.requireNonNull(when, "when"))));
    }

    /** The public note; the extension requires the field, so it is sent empty when not set. */
    public Builder description(String text) {
      this.description = Objects.requireNonNull(text, "text");
      return this;
    }

    public Builder mediaUrl(String url) {
      fields.add(Map.entry("media_url", Objects.requireNonNull(url, "url")));
      return this;
    }

    public Builder photo(Photo photo) {
      photos.add(Objects.requireNonNull(photo, "photo"));
      return this;
    }

    /** Any other form field a server takes, such as {@code email} or {@code external_status_code}. */
    public Builder field(String name, String value) {
      fields.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
      return this;
    }

    public NewUpdate build() {
      List<Map.Entry<String, String>> all = new ArrayList<>(fields);
      all.add(Map.entry("description", description));
      return new NewUpdate(all, photos);
    }
  }
}
