package org.civic311.server.storage;

import java.util.Objects;

/**
 * A request read from another system's records, ready to be stored under its original id. Times
 * are epoch ms. When {@code statusAt} is set, the request's status came from an update at that
 * time (its closing, with {@code note} as the closing note), which joins the request's history.
 */
public record ImportedRequest(
    String externalId,
    String digest,
    String serviceCode,
    String serviceName,
    String description,
    String agencyResponsible,
    long requestedAt,
    Long expectedAt,
    String address,
    String zipcode,
    Double lat,
    Double lon,
    String status,
    String extendedStatus,
    Long statusAt,
    String note) {

  public ImportedRequest {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(serviceCode, "serviceCode");
    Objects.requireNonNull(status, "status");
  }

  /** Whether the request is closed. */
  public boolean closed() {
    return status.equals("closed");
  }

  /** Whether an update goes into the history with the request. */
  public boolean hasUpdate() {
    return statusAt != null;
  }

  /** When the request last changed: its status update, or its filing. */
  public long updatedAt() {
    return statusAt != null ? Math.max(statusAt, requestedAt) : requestedAt;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ImportedRequest} field by field; unset fields are null (status: open). */
  public static final class Builder {
    private String externalId;
    private String digest;
    private String serviceCode;
    private String serviceName;
    private String description;
    private String agencyResponsible;
    private long requestedAt;
    private Long expectedAt;
    private String address;
    private String zipcode;
    private Double lat;
    private Double lon;
    private String status = "open";
    private String extendedStatus;
    private Long statusAt;
    private String note;

    public Builder externalId(String v) { externalId = v; return this; }
    public Builder digest(String v) { digest = v; return this; }
    public Builder service(String code, String name) { serviceCode = code; serviceName = name; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder agencyResponsible(String v) { agencyResponsible = v; return this; }
    public Builder requestedAt(long v) { requestedAt = v; return this; }
    public Builder expectedAt(Long v) { expectedAt = v; return this; }
    public Builder address(String v) { address = v; return this; }
    public Builder zipcode(String v) { zipcode = v; return this; }
    public Builder place(Double latitude, Double longitude) { lat = latitude; lon = longitude; return this; }
    public Builder status(String core, String extended) { status = core; extendedStatus = extended; return this; }
    public Builder statusAt(Long v) { statusAt = v; return this; }
    public Builder note(String v) { note = v; return this; }

    public ImportedRequest build() {
      return new ImportedRequest(externalId, digest, serviceCode, serviceName, description, agencyResponsible,
          requestedAt, expectedAt, address, zipcode, lat, lon, status, extendedStatus, statusAt, note);
    }
  }
}
