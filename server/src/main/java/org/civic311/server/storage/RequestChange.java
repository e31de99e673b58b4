package org.civic311.server.storage;

/**
 * Staff changes to a request's own fields, applied together in one transaction. A null field is
 * left as it is; the {@code clear...} flags set a field to null.
 */
public record RequestChange(
    String agencyResponsible,
    boolean clearAgency,
    Long expectedAt,
    boolean clearExpected,
    String serviceCode,
    String serviceName,
    Long duplicateOf,
    String hiddenReason,
    boolean unhide,
    long updatedAt) {

  public static RequestChange none(long now) {
    return new RequestChange(null, false, null, false, null, null, null, null, false, now);
  }

  public RequestChange agency(String agency) {
    return new RequestChange(agency, agency == null, expectedAt, clearExpected, serviceCode, serviceName,
        duplicateOf, hiddenReason, unhide, updatedAt);
  }

  public RequestChange expected(Long at) {
    return new RequestChange(agencyResponsible, clearAgency, at, at == null, serviceCode, serviceName, duplicateOf,
        hiddenReason, unhide, updatedAt);
  }

  public RequestChange service(String code, String name) {
    return new RequestChange(agencyResponsible, clearAgency, expectedAt, clearExpected, code, name, duplicateOf,
        hiddenReason, unhide, updatedAt);
  }

  public RequestChange duplicateOf(long id) {
    return new RequestChange(agencyResponsible, clearAgency, expectedAt, clearExpected, serviceCode, serviceName,
        id, hiddenReason, unhide, updatedAt);
  }

  public RequestChange hidden(String reason) {
    return new RequestChange(agencyResponsible, clearAgency, expectedAt, clearExpected, serviceCode, serviceName,
        duplicateOf, reason, reason == null, updatedAt);
  }
}
