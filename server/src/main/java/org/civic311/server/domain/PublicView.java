package org.civic311.server.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.civic311.georeport.ServiceRequest;
import org.civic311.georeport.Status;
import org.civic311.server.domain.privacy.PersonalData;
import org.civic311.server.storage.PublicRequestRow;
import org.civic311.server.storage.RequestRecord;

/**
 * What the public may see of a stored request. The reporter's personal details never cross this
 * line: {@link ServiceRequest} has no field to carry them. Phone numbers and email addresses
 * typed into the free texts are masked ({@link PersonalData}).
 */
public final class PublicView {
  private PublicView() {}

  public static ServiceRequest of(RequestRecord r, ZoneId zone) {
    // Close time and photo count are not part of the standard's fields.
    return of(new PublicRequestRow(r.id(), r.jurisdictionId(), r.serviceCode(), r.serviceName(), r.status(),
        r.extendedStatus(), r.statusNotes(), r.description(), r.agencyResponsible(), r.serviceNotice(),
        r.requestedAt(), r.updatedAt(), r.expectedAt(), null, r.address(), r.addressId(), r.zipcode(), r.lat(),
        r.lon(), r.mediaUrl(), 0, r.channel(), r.duplicateOf()), zone);
  }

  /** A request read by its public columns alone, as a public list reads it. */
  public static ServiceRequest of(PublicRequestRow r, ZoneId zone) {
    return new ServiceRequest(
        Long.toString(r.id()),
        Status.ofWireName(r.status()),
        PersonalData.mask(r.statusNotes()),
        r.serviceName(),
        r.serviceCode(),
        PersonalData.mask(r.description()),
        r.agencyResponsible(),
        r.serviceNotice(),
        time(r.requestedAt(), zone),
        time(r.updatedAt(), zone),
        r.expectedAt() == null ? null : time(r.expectedAt(), zone),
        PersonalData.mask(r.address()),
        r.addressId(),
        r.zipcode(),
        r.lat(),
        r.lon(),
        r.mediaUrl());
  }

  /** The public columns of a request, as read for a bulk download, with their free texts masked. */
  public static PublicRequestRow of(PublicRequestRow r) {
    return r.withTexts(PersonalData.mask(r.statusNotes()), PersonalData.mask(r.description()),
        PersonalData.mask(r.address()));
  }

  private static OffsetDateTime time(long epochMillis, ZoneId zone) {
    return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime();
  }
}
