package org.civic311.server.domain.staff;

import java.util.List;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.StaffGrant;
import org.civic311.server.storage.StaffUserRecord;

/** A signed-in staff member and the permission checks every action goes through. */
public record StaffMember(long id, String username, String displayName, Role role, List<StaffGrant> grants) {

  public StaffMember {
    grants = List.copyOf(grants);
  }

  static StaffMember of(StaffUserRecord u) {
    return new StaffMember(u.id(), u.username(), u.displayName(), Role.parse(u.role()).orElse(Role.VIEWER),
        u.grants());
  }

  public boolean isAdministrator() {
    return role == Role.ADMINISTRATOR;
  }

  /** May see the requests of this jurisdiction (agents only those granted to them). */
  public boolean canRead(String jurisdictionId) {
    return role != Role.AGENT || grants.stream().anyMatch(g -> g.jurisdictionId().equals(jurisdictionId));
  }

  /** May read this request. */
  public boolean canRead(RequestRecord r) {
    return role != Role.AGENT || canWork(r);
  }

  /** May change this request: administrators always, agents within their grants, viewers never. */
  public boolean canWork(RequestRecord r) {
    return switch (role) {
      case ADMINISTRATOR -> true;
      case VIEWER -> false;
      case AGENT -> grants.stream().anyMatch(g -> g.jurisdictionId().equals(r.jurisdictionId())
          && (g.agency() == null || g.agency().equals(r.agencyResponsible())));
    };
  }

  /**
   * The agencies an agent is limited to in a jurisdiction; empty when not limited (all agencies,
   * or not an agent).
   */
  public List<String> agenciesIn(String jurisdictionId) {
    if (role != Role.AGENT) {
      return List.of();
    }
    List<StaffGrant> in = grants.stream().filter(g -> g.jurisdictionId().equals(jurisdictionId)).toList();
    if (in.stream().anyMatch(g -> g.agency() == null)) {
      return List.of();
    }
    return in.stream().map(StaffGrant::agency).distinct().toList();
  }
}
