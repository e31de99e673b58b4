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
      List<Views.Option> statuses, Map<String, String> errors, Map<String, String> entered) {}

  /** One attribute row of the service form. */
  public record AttributeRow(int index, String code, String description, String datatype, boolean required,
      boolean variable, String order, String datatypeDescription, String values) {}

  /** The model of the service form. */
  public record ServiceView(Frame frame, String jurisdiction, boolean existing, String formUrl, ServiceDraft draft,
      List<AttributeRow> attributes, List<String> datatypes, Map<String, String> errors) {}

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
    Frame frame = new Frame("Catalogue", member, Views.csrf(x), "catalogue", QueuePage.notice(x), null);
    return Answer.html(status, templates.render("catalogue", new CatalogueView(frame, j, jurisdictions, rows,
        services.catalogue().templates(member, j), options, Views.detailedStatuses(), errors, entered)));
  }

  private Answer form(Exchange x, String j, boolean existing, String code, Map<String, String> errors,
      int status) {
    StaffMember member = x.requireSession().member();
    ServiceDraft draft;
    if (status != 200) {
      draft = draft(x, existing ? code : null);
    } else if (existing) {
      ServiceRecord s = services.catalogue().service(member, j, code)
          .orElseThrow(() -> new NotFound("There is no service '" + code + "'."));
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
    Frame frame = new Frame(existing ? "Service " + draft.code() : "New service", member, Views.csrf(x),
        "catalogue", QueuePage.notice(x), null);
    List<String> datatypes = new ArrayList<>();
    for (Datatype d : Datatype.values()) {
      datatypes.add(d.wireName());
    }
    return Answer.html(status, templates.render("service", new ServiceView(frame, j, existing, url, draft, rows,
        datatypes, errors)));
  }

  /** Saves the form; {@code code} is the service the address names, null for a new one. */
  private Answer save(Exchange x, String j, String code) {
    boolean existing = code != null;
    ServiceDraft draft = draft(x, code);
    try {
      services.catalogue().save(x.actor(), j, draft, existing);
    } catch (InvalidInput e) {
      return form(x, j, existing, draft.code(), e.fields(), 400);
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
        default -> throw new Failure(404, "There is no such action.");
      }
    } catch (InvalidInput e) {
      return list(x, j, 400, e.fields(), Map.of());
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
      return list(x, j, 400, e.fields(), entered);
    }
    return Answer.seeOther(listUrl(j) + "&done=created");
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
        x.field("agency_responsible"), attributes, x.field("sla_days"));
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
        s.slaDays() == null ? "" : Integer.toString(s.slaDays()));
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }
}
