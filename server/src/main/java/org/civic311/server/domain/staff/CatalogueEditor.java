package org.civic311.server.domain.staff;

import org.civic311.server.domain.Wording;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.georeport.ServiceType;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Jurisdictions;
import org.civic311.server.storage.CaseworkStore;
import org.civic311.server.storage.CatalogueStore;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.storage.Transactions;

/**
 * Administrators edit the service catalogue here. A change moves the jurisdiction's discovery
 * changeset, this node reloads at once and other nodes within their refresh interval. Once a
 * jurisdiction's catalogue is edited here, the configuration file no longer overwrites it. A
 * service that requests use can be retired (hidden from {@code GET services}) but not deleted.
 * Each change commits with its audit entry.
 */
public final class CatalogueEditor {
  private final Jurisdictions jurisdictions;
  private final CatalogueStore store;
  private final CaseworkStore casework;
  private final Transactions transactions;
  private final AuditLog audit;
  private final Clock clock;

  public CatalogueEditor(Jurisdictions jurisdictions, CatalogueStore store, CaseworkStore casework,
      Transactions transactions, AuditLog audit, Clock clock) {
    this.jurisdictions = jurisdictions;
    this.store = store;
    this.casework = casework;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  public Catalogue catalogue(StaffMember member, String jurisdictionId) {
    KeyOffice.requireAdministrator(member);
    return jurisdictions.all().stream().filter(c -> c.jurisdiction().id().equals(jurisdictionId)).findFirst()
        .orElseThrow(() -> new NotFound("refusal.no_jurisdiction", jurisdictionId));
  }

  /** Every service of the jurisdiction, retired ones last. */
  public List<ServiceRecord> services(StaffMember member, String jurisdictionId) {
    catalogue(member, jurisdictionId);
    return store.services(jurisdictionId);
  }

  /** One service, retired or not. */
  public Optional<ServiceRecord> service(StaffMember member, String jurisdictionId, String code) {
    catalogue(member, jurisdictionId);
    return stored(jurisdictionId, code);
  }

  private Optional<ServiceRecord> stored(String jurisdictionId, String code) {
    return store.services(jurisdictionId).stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** How many requests use each service, by code. */
  public Map<String, Long> requestCounts(StaffMember member, String jurisdictionId) {
    KeyOffice.requireAdministrator(member);
    return casework.requestCounts(jurisdictionId);
  }

  /**
   * Creates a service, or replaces the one with the same code when {@code existing} is true.
   *
   * @throws InvalidInput naming each field at fault ({@code attr_<field>_<row>} for attribute rows)
   */
  public ServiceRecord save(AuditLog.Actor actor, String jurisdictionId, ServiceDraft draft, boolean existing) {
    catalogue(actor.member(), jurisdictionId);
    Optional<ServiceRecord> before = stored(jurisdictionId, draft.code() == null ? "" : draft.code().trim());
    Map<String, Wording> faults = new LinkedHashMap<>();
    ServiceRecord service = check(draft, faults, before.map(ServiceRecord::retired).orElse(false));
    if (faults.isEmpty() && existing && before.isEmpty()) {
      faults.put("code", Wording.of("fault.code_missing"));
    }
    if (faults.isEmpty() && !existing && before.isPresent()) {
      faults.put("code", Wording.of("fault.code_taken"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    transactions.run(tx -> {
      tx.catalogue().saveService(jurisdictionId, service, clock.millis());
      audit.record(tx, actor, existing ? "edit_service" : "create_service", "service", service.code(),
          jurisdictionId, before.map(CatalogueEditor::state).orElse(null), state(service));
    });
    jurisdictions.reload();
    return service;
  }

  /** Retires (or restores) a service: retired services leave {@code GET services}; old requests keep them. */
  public void setRetired(AuditLog.Actor actor, String jurisdictionId, String code, boolean retired) {
    catalogue(actor.member(), jurisdictionId);
    ServiceRecord s = stored(jurisdictionId, code).orElseThrow(() -> new NotFound("refusal.no_service", code));
    transactions.run(tx -> {
      if (!tx.catalogue().setRetired(jurisdictionId, code, retired, clock.millis())) {
        throw new NotFound("refusal.no_service", code);
      }
      audit.record(tx, actor, retired ? "retire_service" : "restore_service", "service", code, jurisdictionId,
          Map.of("retired", s.retired()), Map.of("retired", retired));
    });
    jurisdictions.reload();
  }

  /** Deletes a service no request uses; one that is used must be retired instead. */
  public void delete(AuditLog.Actor actor, String jurisdictionId, String code) {
    catalogue(actor.member(), jurisdictionId);
    ServiceRecord s = stored(jurisdictionId, code).orElseThrow(() -> new NotFound("refusal.no_service", code));
    transactions.run(tx -> {
      if (!tx.catalogue().deleteUnused(jurisdictionId, code, clock.millis())) {
        throw InvalidInput.of("code", "fault.service_used");
      }
      audit.record(tx, actor, "delete_service", "service", code, jurisdictionId, state(s), null);
    });
    jurisdictions.reload();
  }

  public List<org.civic311.server.storage.ResponseTemplateRecord> templates(StaffMember member, String jurisdictionId) {
    catalogue(member, jurisdictionId);
    return casework.templates(jurisdictionId);
  }

  /** Adds a prepared public note, for one service or (blank code) every service. */
  public void addTemplate(AuditLog.Actor actor, String jurisdictionId, String serviceCode, String title, String body,
      String status) {
    catalogue(actor.member(), jurisdictionId);
    Map<String, Wording> faults = new LinkedHashMap<>();
    String code = serviceCode == null || serviceCode.isBlank() ? null : serviceCode.trim();
    if (code != null && stored(jurisdictionId, code).isEmpty()) {
      faults.put("template_service", Wording.of("fault.template_service"));
    }
    String t = trim(title);
    if (t.isEmpty() || t.length() > 100) {
      faults.put("template_title", Wording.of("fault.template_title"));
    }
    String b = trim(body);
    if (b.isEmpty() || b.length() > Casework.MAX_NOTE) {
      faults.put("template_body", Wording.of("fault.template_body", Casework.MAX_NOTE));
    }
    String st = status == null || status.isBlank() ? null : status.trim();
    if (st != null && org.civic311.georeport.ExtendedStatus.parse(st).isEmpty()) {
      faults.put("template_status", Wording.of("fault.status"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    String wireStatus = st == null ? null : org.civic311.georeport.ExtendedStatus.parse(st).get().wireName();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("service_code", code);
    after.put("title", t);
    after.put("body", b);
    after.put("status", wireStatus);
    transactions.run(tx -> {
      var saved = tx.casework().addTemplate(new org.civic311.server.storage.ResponseTemplateRecord(0, jurisdictionId,
          code, t, b, wireStatus));
      audit.record(tx, actor, "add_template", "template", Long.toString(saved.id()), jurisdictionId, null, after);
    });
  }

  public void deleteTemplate(AuditLog.Actor actor, String jurisdictionId, long id) {
    catalogue(actor.member(), jurisdictionId);
    var before = casework.templates(jurisdictionId).stream().filter(t -> t.id() == id).findFirst()
        .orElseThrow(() -> new NotFound("refusal.no_template", id));
    transactions.run(tx -> {
      tx.casework().deleteTemplate(jurisdictionId, id);
      audit.record(tx, actor, "delete_template", "template", Long.toString(id), jurisdictionId,
          Map.of("title", before.title(), "body", before.body()), null);
    });
  }

  private static ServiceRecord check(ServiceDraft d, Map<String, Wording> faults, boolean retired) {
    String code = trim(d.code());
    if (code.isEmpty()) {
      faults.put("code", Wording.of("fault.code"));
    } else if (code.length() > 64 || code.contains("/") || code.chars().anyMatch(Character::isISOControl)) {
      faults.put("code", Wording.of("fault.code_form"));
    }
    String name = trim(d.name());
    if (name.isEmpty() || name.length() > 200) {
      faults.put("name", Wording.of("fault.name"));
    }
    ServiceType type = null;
    try {
      type = ServiceType.ofWireName(trim(d.type()));
    } catch (IllegalArgumentException e) {
      faults.put("type", Wording.of("fault.type"));
    }
    if (trim(d.description()).length() > 4000) {
      faults.put("description", Wording.of("fault.description"));
    }
    Integer slaDays = null;
    if (!trim(d.slaDays()).isEmpty()) {
      try {
        slaDays = Integer.parseInt(trim(d.slaDays()));
      } catch (NumberFormatException e) {
        slaDays = -1;
      }
      if (slaDays < 1 || slaDays > 1000) {
        faults.put("sla_days", Wording.of("fault.sla_days"));
      }
    }
    List<ServiceAttribute> attributes = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<Integer> orders = new HashSet<>();
    for (int i = 0; i < d.attributes().size(); i++) {
      ServiceDraft.AttributeDraft a = d.attributes().get(i);
      ServiceAttribute checked = attribute(a, i, faults, codes, orders);
      if (checked != null) {
        attributes.add(checked);
      }
    }
    attributes.sort(java.util.Comparator.comparingInt(ServiceAttribute::order));
    org.civic311.server.storage.Translations translations = TranslationLines.read(d.translations(), attributes,
        faults);
    if (!faults.isEmpty()) {
      return null;
    }
    return new ServiceRecord(code, name, nullIfBlank(d.description()), type, nullIfBlank(d.keywords()),
        nullIfBlank(d.group()), nullIfBlank(d.serviceNotice()), nullIfBlank(d.agencyResponsible()), attributes,
        retired, slaDays, translations);
  }

  private static ServiceAttribute attribute(ServiceDraft.AttributeDraft a, int row, Map<String, Wording> faults,
      Set<String> codes, Set<Integer> orders) {
    String code = trim(a.code());
    int before = faults.size();
    if (!code.matches("[A-Za-z0-9_.-]{1,64}")) {
      faults.put("attr_code_" + row, Wording.of("fault.attr_code"));
    } else if (!codes.add(code)) {
      faults.put("attr_code_" + row, Wording.of("fault.attr_code_taken"));
    }
    String description = trim(a.description());
    if (description.isEmpty()) {
      faults.put("attr_description_" + row, Wording.of("fault.attr_question"));
    }
    Datatype datatype = null;
    try {
      datatype = Datatype.ofWireName(trim(a.datatype()));
    } catch (IllegalArgumentException e) {
      faults.put("attr_datatype_" + row, Wording.of("fault.attr_datatype"));
    }
    int order = 0;
    try {
      order = Integer.parseInt(trim(a.order()));
      if (order < 1 || order > 10_000) {
        faults.put("attr_order_" + row, Wording.of("fault.attr_order"));
      } else if (!orders.add(order)) {
        faults.put("attr_order_" + row, Wording.of("fault.attr_order_taken"));
      }
    } catch (NumberFormatException e) {
      faults.put("attr_order_" + row, Wording.of("fault.attr_order"));
    }
    if (!a.variable() && a.required()) {
      faults.put("attr_required_" + row, Wording.of("fault.attr_required"));
    }
    List<AttributeValue> values = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (String line : (a.values() == null ? "" : a.values()).split("\\r?\\n")) {
      String t = line.trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      String key = (eq < 0 ? t : t.substring(0, eq)).trim();
      String name = (eq < 0 ? t : t.substring(eq + 1)).trim();
      if (key.isEmpty() || name.isEmpty() || !keys.add(key)) {
        faults.put("attr_values_" + row, Wording.of("fault.attr_values"));
        break;
      }
      values.add(new AttributeValue(key, name));
    }
    if (datatype != null && datatype.isList() && values.isEmpty()) {
      faults.put("attr_values_" + row, Wording.of("fault.attr_values_missing"));
    }
    if (datatype != null && !datatype.isList() && !values.isEmpty()) {
      faults.put("attr_values_" + row, Wording.of("fault.attr_values_unused"));
    }
    if (faults.size() > before) {
      return null;
    }
    return new ServiceAttribute(a.variable(), code, datatype, a.required(), nullIfBlank(a.datatypeDescription()),
        order, description, values);
  }

  static Map<String, Object> state(ServiceRecord s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", s.code());
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("group", s.group());
    m.put("keywords", s.keywords());
    m.put("type", s.type().wireName());
    m.put("service_notice", s.serviceNotice());
    m.put("agency_responsible", s.agencyResponsible());
    m.put("retired", s.retired());
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (ServiceAttribute a : s.attributes()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("code", a.code());
      am.put("datatype", a.datatype().wireName());
      am.put("required", a.required());
      am.put("variable", a.variable());
      am.put("order", a.order());
      am.put("description", a.description());
      am.put("values", a.values().stream().map(v -> v.key() + "=" + v.name()).toList());
      attributes.add(am);
    }
    m.put("attributes", attributes);
    return m;
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  private static String nullIfBlank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
