package org.civic311.server.storage;

/**
 * The public columns of one stored request, as the bulk reads take them: no reporter, no token,
 * no submitted answers, and free texts as stored (not yet masked). Besides the request's own
 * fields it carries when the request last closed and how many photos it has, which the request
 * row keeps up to date (migration V11).
 *
 * @param closedAt the newest time an update closed it (epoch ms), or null if none ever did
 * @param photoCount the photos stored with the request itself (not its updates')
 */
public record PublicRequestRow(
    long id,
    String jurisdictionId,
    String serviceCode,
    String serviceName,
    String status,
    String extendedStatus,
    String statusNotes,
    String description,
    String agencyResponsible,
    String serviceNotice,
    long requestedAt,
    long updatedAt,
    Long expectedAt,
    Long closedAt,
    String address,
    String addressId,
    String zipcode,
    Double lat,
    Double lon,
    String mediaUrl,
    int photoCount,
    String channel,
    Long duplicateOf) {

  /** The same row with other free texts, such as the public's masked ones. */
  public PublicRequestRow withTexts(String statusNotes, String description, String address) {
    return new PublicRequestRow(id, jurisdictionId, serviceCode, serviceName, status, extendedStatus, statusNotes,
        description, agencyResponsible, serviceNotice, requestedAt, updatedAt, expectedAt, closedAt, address,
        addressId, zipcode, lat, lon, mediaUrl, photoCount, channel, duplicateOf);
  }
}
