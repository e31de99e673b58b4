package org.civic311.server.web.staff;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import org.civic311.server.web.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.staff.InvalidInput;
import org.civic311.server.domain.staff.NotFound;
import org.civic311.server.domain.staff.ServiceDraft;
import org.civic311.server.domain.staff.StaffMember;
import org.civic311.server.storage.ResponseTemplateRecord;
import org.civic311.server.storage.ServiceRecord;

/**
 * The service catalogue: list, create, edit (with attributes), retire, restore, delete unused,
 * and the response templates. Administrators only.
 */
public final class CataloguePage {
  /** Empty attribute rows offered below the existing ones. */
  static final int BLANK_ROWS = 2;
  private final StaffServices services;
  private final Templates templates;

  CataloguePage(StaffServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One service as listed. */
  public record ServiceRow(String code, String name, String group, String type, boolean retired, long requests,
      String editUrl, String actionBase) {}

  /** The model of the catalogue list. */
  public record CatalogueView(Frame frame, String jurisdiction, List<Views.Option> jurisdictions,
      List<ServiceRow> services, List<ResponseTemplateRecord> templates, List<Views.Option> serviceOptions,
      List<Views.Option> statuses, Map<String, String> errors, Map<String, String> entered) {

    /** A service's name for its code, or the code when it is not in the catalogue. */
    public String serviceName(String code) {
      return serviceOptions.stream().filter(o -> o.value().equals(code)).map(Views.Option::label).findFirst()
          .orElse(code);
    }
  }

  /** One attribute row of the service form. */
  public record AttributeRow(int index, String code, String description, String datatype, boolean required,
      boolean variable, String order, String datatypeDescription, String values) {}

  /** The model of the service form. */
  public record ServiceView(Frame frame, String jurisdiction, boolean existing, String formUrl, ServiceDraft draft,
      List<AttributeRow> attributes, List<String> datatypes, Map<String, String> errors, List<String> removals) {}

  /**
   * {@code /catalogue}, {@code /catalogue/{j}/new}, {@code /catalogue/{j}/services/{code}[/retire|restore|delete]},
   * {@code /catalogue/{j}/templates}, {@code /catalogue/{j}/templates/{id}/delete}.
   */
  void routes(org.civic311.server.web.Routes r, org.civic311.server.web.Family family,
      org.civic311.server.web.BodyLimits form) {
    String root = StaffPages.ROOT + "/catalogue";
    r.get(root, family, x -> list(x, x.query("jurisdiction"), 200, Map.of(), Map.of()));
    r.get(root + "/{j}/new", family, x -> form(x, x.param("j"), false, null, Map.of(), 200));
    r.post(root + "/{j}/new", family, x -> save(x, x.param("j"), null), form);
    r.get(root + "/{j}/services/{code}", family, x -> form(x, x.param("j"), true, x.param("code"), Map.of(), 200));
    r.post(root + "/{j}/services/{code}", family, x -> save(x, x.param("j"), x.param("code")), form);
    r.post(root + "/{j}/services/{code}/{action}", family,
        x -> serviceAction(x, x.param("j"), x.param("code"), x.param("action")), form);
    r.get(root + "/{j}/services/{code}/delete", family, x -> confirmDelete(x, x.param("j"), x.param("code")));
    r.get(root + "/{j}/templates/{id}/delete", family, x -> confirmDeleteTemplate(x, x.param("j"),
        StaffPages.id(x.param("id"))));
    r.post(root + "/{j}/templates", family, x -> addTemplate(x, x.param("j")), form);
    r.post(root + "/{j}/templates/{id}/delete", family, x -> {
      services.catalogue().deleteTemplate(x.actor(), x.param("j"), StaffPages.id(x.param("id")));
      return Answer.seeOther(listUrl(x.param("j")) + "&done=deleted");
    }, form);
  }

  private Answer list(Exchange x, String jurisdiction, int status, Map<String, String> errors,
      Map<String, String> entered) {
    StaffMember member = x.requireSession().member();
    Catalogue c = jurisdiction.isBlank() ? services.queue().jurisdiction(member, "")
        : services.catalogue().catalogue(member, jurisdiction);
    String j = c.jurisdiction().id();
    Map<String, Long> counts = services.catalogue().requestCounts(member, j);
    List<ServiceRow> rows = new ArrayList<>();
    List<Views.Option> options = new ArrayList<>();
    for (ServiceRecord s : services.catalogue().services(member, j)) {
      String base = StaffPages.ROOT + "/catalogue/" + Views.enc(j) + "/services/" + Views.enc(s.code());
      rows.add(new ServiceRow(s.code(), s.name(), s.group() == null ? "" : s.group(), s.type().wireName(),
          s.retired(), counts.getOrDefault(s.code(), 0L), base, base));
      options.add(new Views.Option(s.code(), s.name()));
    }
    List<Views.Option> jurisdictions = services.queue().readable(member).stream()
        .map(k -> new Views.Option(k.jurisdiction().id(), k.jurisdiction().name())).toList();
    Frame frame = Frame.of(x, x.t().get("catalogue.title"), "catalogue", QueuePage.notice(x), null);
    return Answer.html(status, templates.render("catalogue", new CatalogueView(frame, j, jurisdictions, rows,
        services.catalogue().templates(member, j), options, Views.detailedStatuses(x.t()), errors, entered)));
  }

  private Answer confirmDelete(Exchange x, String j, String code) {
    ServiceRecord s = services.catalogue().service(x.requireSession().member(), j, code)
        .orElseThrow(() -> new NotFound("refusal.no_service", code));
    String base = StaffPages.ROOT + "/catalogue/" + Views.enc(j) + "/services/" + Views.enc(code);
    return StaffPages.confirm(templates, x, x.t().get("confirm.delete_service_title", s.name()), base + "/delete",
        Map.of(), x.t().get("confirm.delete_service", s.name(), code), x.t().get("catalogue.delete"), listUrl(j),
        "catalogue");
  }

  private Answer confirmDeleteTemplate(Exchange x, String j, long id) {
    ResponseTemplateRecord rt = services.catalogue().templates(x.requireSession().member(), j).stream()
        .filter(r -> r.id() == id).findFirst().orElseThrow(() -> new NotFound("refusal.no_template", id));
    return StaffPages.confirm(templates, x, x.t().get("confirm.delete_template_title", rt.title()),
        StaffPages.ROOT + "/catalogue/" + Views.enc(j) + "/templates/" + id + "/delete", Map.of(),
        x.t().get("confirm.delete_template", rt.title()), x.t().get("catalogue.delete"), listUrl(j), "catalogue");
  }

  private Answer form(Exchange x, String j, boolean existing, String code, Map<String, String> errors,
      int status) {
    return form(x, j, existing, code, errors, status, List.of());
  }

  private Answer form(Exchange x, String j, boolean existing, String code, Map<String, String> errors,
      int status, List<String> removals) {
    StaffMember member = x.requireSession().member();
    ServiceDraft draft;
    if (status != 200 || !removals.isEmpty()) {
      draft = draft(x, existing ? code : null);
    } else if (existing) {
      ServiceRecord s = services.catalogue().service(member, j, code)
          .orElseThrow(() -> new NotFound("refusal.no_service", code));
      draft = draftOf(s);
    } else {
      services.catalogue().catalogue(member, j);
      draft = new ServiceDraft("", "", "", "", "", "realtime", "", "", List.of());
    }
    List<AttributeRow> rows = new ArrayList<>();
    int i = 0;
    for (ServiceDraft.AttributeDraft a : draft.attributes()) {
      rows.add(new AttributeRow(i++, a.code(), a.description(), a.datatype(), a.required(), a.variable(), a.order(),
          a.datatypeDescription(), a.values()));
    }
    for (int k = 0; k < BLANK_ROWS; k++) {
      rows.add(new AttributeRow(i++, "", "", "string", false, true, "", "", ""));
    }
    String url = existing ? StaffPages.ROOT + "/catalogue/" + Views.enc(j) + "/services/" + Views.enc(draft.code())
        : StaffPages.ROOT + "/catalogue/" + Views.enc(j) + "/new";
    Frame frame = Frame.of(x, existing ? x.t().get("service.title", draft.code()) : x.t().get("service.new"),
        "catalogue", QueuePage.notice(x), null);
    List<String> datatypes = new ArrayList<>();
    for (Datatype d : Datatype.values()) {
      datatypes.add(d.wireName());
    }
    return Answer.html(status, templates.render("service", new ServiceView(frame, j, existing, url, draft, rows,
        datatypes, errors, removals)));
  }

  /** Saves the form; {@code code} is the service the address names, null for a new one. */
  private Answer save(Exchange x, String j, String code) {
    boolean existing = code != null;
    ServiceDraft draft = draft(x, code);
    if (existing && !x.field("confirm_removal").equals("1")) {
      List<String> removals = removals(x, j, code, draft);
      if (!removals.isEmpty()) {
        return form(x, j, true, code, Map.of(), 200, removals);
      }
    }
    try {
      services.catalogue().save(x.actor(), j, draft, existing);
    } catch (InvalidInput e) {
      return form(x, j, existing, draft.code(), Views.words(e, x.t()), 400);
    }
    return Answer.seeOther(listUrl(j) + "&done=saved");
  }

  private Answer serviceAction(Exchange x, String j, String code, String action) {
    String done;
    try {
      switch (action) {
        case "retire" -> {
          services.catalogue().setRetired(x.actor(), j, code, true);
          done = "retired";
        }
        case "restore" -> {
          services.catalogue().setRetired(x.actor(), j, code, false);
          done = "restored";
        }
        case "delete" -> {
          services.catalogue().delete(x.actor(), j, code);
          done = "deleted";
        }
        default -> throw Failure.keyed(404, "error.no_action");
      }
    } catch (InvalidInput e) {
      return list(x, j, 400, Views.words(e, x.t()), Map.of());
    }
    return Answer.seeOther(listUrl(j) + "&done=" + done);
  }

  private Answer addTemplate(Exchange x, String j) {
    try {
      services.catalogue().addTemplate(x.actor(), j, x.field("template_service"), x.field("template_title"),
          x.field("template_body"), x.field("template_status"));
    } catch (InvalidInput e) {
      Map<String, String> entered = new LinkedHashMap<>();
      for (String name : List.of("template_service", "template_title", "template_body", "template_status")) {
        entered.put(name, x.field(name));
      }
      return list(x, j, 400, Views.words(e, x.t()), entered);
    }
    return Answer.seeOther(listUrl(j) + "&done=created");
  }

  /** What saving this draft would remove from the stored service: whole questions, and values of lists. */
  private List<String> removals(Exchange x, String j, String code, ServiceDraft draft) {
    ServiceRecord stored = services.catalogue().service(x.requireSession().member(), j, code).orElse(null);
    List<String> out = new ArrayList<>();
    if (stored == null) {
      return out;
    }
    for (ServiceAttribute a : stored.attributes()) {
      ServiceDraft.AttributeDraft kept = draft.attributes().stream().filter(d -> d.code().trim().equals(a.code()))
          .findFirst().orElse(null);
      if (kept == null) {
        out.add(x.t().get("confirm.removes_question", a.description(), a.code()));
        continue;
      }
      for (AttributeValue v : a.values()) {
        boolean still = kept.values().lines().map(String::trim)
            .anyMatch(l -> l.equals(v.key()) || l.startsWith(v.key() + "="));
        if (!still) {
          out.add(x.t().get("confirm.removes_value", v.name(), v.key(), a.description()));
        }
      }
    }
    return out;
  }

  private static String listUrl(String j) {
    return StaffPages.ROOT + "/catalogue?jurisdiction=" + Views.enc(j);
  }

  /**
   * The draft a service form sent: fixed fields plus {@code attr_*_N} rows; empty rows are skipped.
   * When editing, the code is the one in the address, whatever the (read-only) code field says, so
   * that a form for one service can never overwrite another.
   */
  static ServiceDraft draft(Exchange x, String fixedCode) {
    List<ServiceDraft.AttributeDraft> attributes = new ArrayList<>();
    int rows = 0;
    try {
      rows = Math.min(200, Integer.parseInt(x.field("attr_rows")));
    } catch (NumberFormatException e) {
      rows = 0;
    }
    for (int i = 0; i < rows; i++) {
      String code = x.field("attr_code_" + i);
      String description = x.field("attr_description_" + i);
      boolean remove = !x.field("attr_remove_" + i).isEmpty();
      if (remove || code.isBlank() && description.isBlank() && x.field("attr_values_" + i).isBlank()) {
        continue;
      }
      attributes.add(new ServiceDraft.AttributeDraft(code, description, x.field("attr_datatype_" + i),
          !x.field("attr_required_" + i).isEmpty(), !x.field("attr_variable_" + i).isEmpty(),
          x.field("attr_order_" + i), x.field("attr_datatype_description_" + i), x.field("attr_values_" + i)));
    }
    return new ServiceDraft(fixedCode != null ? fixedCode : x.field("code"), x.field("name"), x.field("description"),
        x.field("group"), x.field("keywords"), x.field("type"), x.field("service_notice"),
        x.field("agency_responsible"), attributes, x.field("sla_days"), x.field("translations"));
  }

  private static ServiceDraft draftOf(ServiceRecord s) {
    List<ServiceDraft.AttributeDraft> attributes = new ArrayList<>();
    for (ServiceAttribute a : s.attributes()) {
      StringBuilder values = new StringBuilder();
      for (AttributeValue v : a.values()) {
        values.append(v.key()).append('=').append(v.name()).append('\n');
      }
      attributes.add(new ServiceDraft.AttributeDraft(a.code(), a.description(), a.datatype().wireName(),
          a.required(), a.variable(), Integer.toString(a.order()),
          a.datatypeDescription() == null ? "" : a.datatypeDescription(), values.toString()));
    }
    return new ServiceDraft(s.code(), s.name(), nn(s.description()), nn(s.group()), nn(s.keywords()),
        s.type().wireName(), nn(s.serviceNotice()), nn(s.agencyResponsible()), attributes,
        s.slaDays() == null ? "" : Integer.toString(s.slaDays()),
        org.civic311.server.domain.staff.TranslationLines.of(s));
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }
}
