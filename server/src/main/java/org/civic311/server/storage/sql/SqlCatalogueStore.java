package org.civic311.server.storage.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.ServiceType;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.JurisdictionRecord;
import org.civic311.server.storage.ServiceRecord;
import org.jdbi.v3.core.Handle;

final class SqlCatalogueStore implements CatalogueStore {
  private final Reader reads;
  private final Writer writes;
  private final Dialect dialect;

  SqlCatalogueStore(Reader reads, Writer writes, Dialect dialect) {
    this.reads = reads;
    this.writes = writes;
    this.dialect = dialect;
  }

  @Override
  public List<JurisdictionRecord> jurisdictions() {
    return Guard.call("list jurisdictions", () -> reads.withHandle(h -> h
        .createQuery("SELECT id, name, time_zone, changeset FROM jurisdictions ORDER BY id")
        .map((rs, ctx) -> new JurisdictionRecord(
            rs.getString("id"), rs.getString("name"), rs.getString("time_zone"), rs.getLong("changeset")))
        .list()));
  }

  @Override
  public Optional<JurisdictionRecord> jurisdiction(String id) {
    return jurisdictions().stream().filter(j -> j.id().equals(id)).findFirst();
  }

  @Override
  public List<ServiceRecord> services(String jurisdictionId) {
    return Guard.call("read the catalogue", () -> reads.withHandle(h -> services(h, jurisdictionId)));
  }

  private static List<ServiceRecord> services(Handle h, String jurisdictionId) {
    return h.createQuery("SELECT * FROM services WHERE jurisdiction_id = :j ORDER BY retired, position, code")
        .bind("j", jurisdictionId)
        .map((rs, ctx) -> new ServiceRecord(
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("description"),
            ServiceType.ofWireName(rs.getString("type")),
            rs.getString("keywords"),
            rs.getString("group_name"),
            rs.getString("service_notice"),
            rs.getString("agency_responsible"),
            Json.attributes(rs.getString("attributes")),
            rs.getInt("retired") != 0,
            Columns.nullableInt(rs, "sla_days"),
            Json.translations(rs.getString("translations"))))
        .list();
  }

  @Override
  public boolean synchronize(JurisdictionRecord j, List<ServiceRecord> wanted, long now) {
    return Guard.call("store the catalogue", () -> writes.inTransaction(h -> {
      dialect.lockCatalogue(h);
      Optional<JurisdictionRecord> stored = h
          .createQuery("SELECT id, name, time_zone, changeset FROM jurisdictions WHERE id = :id")
          .bind("id", j.id())
          .map((rs, ctx) -> new JurisdictionRecord(
              rs.getString("id"), rs.getString("name"), rs.getString("time_zone"), rs.getLong("changeset")))
          .findOne();
      if (stored.isEmpty()) {
        h.createUpdate("INSERT INTO jurisdictions (id, name, time_zone, changeset) VALUES (:id, :name, :tz, :now)")
            .bind("id", j.id()).bind("name", j.name()).bind("tz", j.timeZone()).bind("now", now)
            .execute();
      } else if (!stored.get().name().equals(j.name()) || !stored.get().timeZone().equals(j.timeZone())) {
        h.createUpdate("UPDATE jurisdictions SET name = :name, time_zone = :tz WHERE id = :id")
            .bind("id", j.id()).bind("name", j.name()).bind("tz", j.timeZone())
            .execute();
      }
      if (stored.isPresent() && editedByStaff(h, j.id())) {
        return false;
      }
      Map<String, ServiceRecord> current = new HashMap<>();
      for (ServiceRecord s : services(h, j.id())) {
        current.put(s.code(), s);
      }
      Map<String, Integer> positions = new HashMap<>();
      h.createQuery("SELECT code, position FROM services WHERE jurisdiction_id = :j").bind("j", j.id())
          .map((rs, ctx) -> positions.put(rs.getString("code"), rs.getInt("position"))).list();
      boolean changed = false;
      List<String> wantedCodes = new ArrayList<>();
      int position = 0;
      for (ServiceRecord s : wanted) {
        wantedCodes.add(s.code());
        position++;
        ServiceRecord old = current.get(s.code());
        if (old != null && old.equals(s) && positions.get(s.code()) == position) {
          continue;
        }
        changed = true;
        h.createUpdate("DELETE FROM services WHERE jurisdiction_id = :j AND code = :code")
            .bind("j", j.id()).bind("code", s.code()).execute();
        insert(h, j.id(), s, position);
      }
      for (ServiceRecord old : current.values()) {
        if (!wantedCodes.contains(old.code()) && !old.retired()) {
          changed = true;
          h.createUpdate("UPDATE services SET retired = 1 WHERE jurisdiction_id = :j AND code = :code")
              .bind("j", j.id()).bind("code", old.code()).execute();
        }
      }
      if (changed && stored.isPresent()) {
        moveChangeset(h, j.id(), now);
      }
      return changed || stored.isEmpty();
    }));
  }

  static void insert(Handle h, String jurisdictionId, ServiceRecord s, int position) {
    h.createUpdate("INSERT INTO services (jurisdiction_id, code, position, name, description, type, keywords,"
            + " group_name, service_notice, agency_responsible, attributes, retired, sla_days, translations)"
            + " VALUES (:j, :code, :pos, :name, :description, :type, :keywords, :grp, :notice, :agency,"
            + " :attributes, :retired, :sla, :translations)")
        .bind("j", jurisdictionId)
        .bind("code", s.code())
        .bind("pos", position)
        .bind("name", s.name())
        .bind("description", s.description())
        .bind("type", s.type().wireName())
        .bind("keywords", s.keywords())
        .bind("grp", s.group())
        .bind("notice", s.serviceNotice())
        .bind("agency", s.agencyResponsible())
        .bind("attributes", Json.write(s.attributes()))
        .bind("retired", s.retired() ? 1 : 0)
        .bind("sla", s.slaDays())
        .bind("translations", s.translations().isEmpty() ? null : Json.write(s.translations().byLanguage()))
        .execute();
  }

  /**
   * Moves the discovery changeset forward: to now, or into the next whole second after the old
   * value when the clock has not got there yet. Discovery shows whole seconds, so two changes in
   * the same second would otherwise look like one to a client polling it.
   */
  private static void moveChangeset(Handle h, String jurisdictionId, long now) {
    long old = h.createQuery("SELECT changeset FROM jurisdictions WHERE id = :id").bind("id", jurisdictionId)
        .mapTo(Long.class).one();
    long nextSecond = Math.floorDiv(old, 1000L) * 1000L + 1000L;
    h.createUpdate("UPDATE jurisdictions SET changeset = :now WHERE id = :id")
        .bind("id", jurisdictionId).bind("now", Math.max(now, nextSecond)).execute();
  }

  private static boolean editedByStaff(Handle h, String jurisdictionId) {
    return h.createQuery("SELECT catalogue_source FROM jurisdictions WHERE id = :id").bind("id", jurisdictionId)
        .mapTo(String.class).findOne().map("staff"::equals).orElse(false);
  }

  @Override
  public boolean editedByStaff(String jurisdictionId) {
    return Guard.call("read the catalogue", () -> reads.withHandle(h -> editedByStaff(h, jurisdictionId)));
  }

  @Override
  public void saveService(String jurisdictionId, ServiceRecord service, long now) {
    Guard.call("store a service", () -> writes.inTransaction(h -> {
      dialect.lockCatalogue(h);
      Integer position = h.createQuery("SELECT position FROM services WHERE jurisdiction_id = :j AND code = :code")
          .bind("j", jurisdictionId).bind("code", service.code()).mapTo(Integer.class).findOne()
          .orElseGet(() -> h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM services WHERE jurisdiction_id = :j")
              .bind("j", jurisdictionId).mapTo(Integer.class).one());
      h.createUpdate("DELETE FROM services WHERE jurisdiction_id = :j AND code = :code")
          .bind("j", jurisdictionId).bind("code", service.code()).execute();
      insert(h, jurisdictionId, service, position);
      h.createUpdate("UPDATE jurisdictions SET catalogue_source = 'staff' WHERE id = :id")
          .bind("id", jurisdictionId).execute();
      moveChangeset(h, jurisdictionId, now);
      return null;
    }));
  }

  @Override
  public boolean setRetired(String jurisdictionId, String code, boolean retired, long now) {
    return Guard.call("retire a service", () -> writes.inTransaction(h -> {
      dialect.lockCatalogue(h);
      int n = h.createUpdate("UPDATE services SET retired = :r WHERE jurisdiction_id = :j AND code = :code")
          .bind("r", retired ? 1 : 0).bind("j", jurisdictionId).bind("code", code).execute();
      if (n > 0) {
        h.createUpdate("UPDATE jurisdictions SET catalogue_source = 'staff' WHERE id = :id")
            .bind("id", jurisdictionId).execute();
        moveChangeset(h, jurisdictionId, now);
      }
      return n > 0;
    }));
  }

  @Override
  public boolean deleteUnused(String jurisdictionId, String code, long now) {
    return Guard.call("delete a service", () -> writes.inTransaction(h -> {
      dialect.lockCatalogue(h);
      boolean used = h.createQuery("SELECT 1 FROM service_requests WHERE jurisdiction_id = :j AND service_code = :code"
              + " LIMIT 1")
          .bind("j", jurisdictionId).bind("code", code).mapTo(Integer.class).findOne().isPresent();
      if (used) {
        return false;
      }
      int n = h.createUpdate("DELETE FROM services WHERE jurisdiction_id = :j AND code = :code")
          .bind("j", jurisdictionId).bind("code", code).execute();
      if (n > 0) {
        h.createUpdate("UPDATE jurisdictions SET catalogue_source = 'staff' WHERE id = :id")
            .bind("id", jurisdictionId).execute();
        moveChangeset(h, jurisdictionId, now);
      }
      return n > 0;
    }));
  }
}
