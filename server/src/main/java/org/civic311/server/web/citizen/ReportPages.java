package org.civic311.server.web.citizen;

import org.civic311.server.web.Answer;
import org.civic311.server.web.Exchange;
import org.civic311.server.web.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.Datatype;
import org.civic311.georeport.Parameters;
import org.civic311.georeport.RequestReceipt;
import org.civic311.georeport.Service;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.server.domain.Catalogue;
import org.civic311.server.domain.Refusal;
import org.civic311.server.domain.citizen.Problem;
import org.civic311.server.domain.citizen.ReportCheck;
import org.civic311.server.media.MediaRejected;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.ServiceRecord;
import org.civic311.server.web.BaseUrl;
import org.civic311.server.web.Templates;

/** Reporting: choose a service, fill in its form, see nearby reports, submit, and the thank-you page. */
public final class ReportPages {
  private final CitizenServices services;
  private final Templates templates;

  ReportPages(CitizenServices services, Templates templates) {
    this.services = services;
    this.templates = templates;
  }

  /** One service to choose. */
  public record Choice(String code, String name, String description, String url) {}

  /** Services of one group. */
  public record Group(String name, List<Choice> services) {}

  /** The model of the first step. */
  public record ChooseView(Page page, String jurisdiction, String q, List<Group> groups, String mirrorOf) {}

  /** One value of a list question. */
  public record Option(String key, String name, boolean chosen) {}

  /** One question of the service's definition, as a form field. */
  public record Question(String code, String field, String label, String datatype, boolean required,
      boolean variable, String hint, List<Option> options, String value, String problem) {}

  /** An open request nearby, offered before a new report. */
  public record Nearby(long id, String description, String address, String requested, int support, String url) {}

  /** The model of the report form. */
  public record FormView(Page page, String code, String serviceName, String serviceDescription, String notice,
      List<Question> questions, Map<String, String> values, Map<String, String> problems, List<Nearby> nearby,
      boolean refused, String refusal) {}

  /** The model of the thank-you page. */
  public record ThanksView(Page page, String id, String token, String notice, String trackUrl, boolean following,
      String usually) {}

  Answer choose(Exchange call) {
    Catalogue c = services.reporting().catalogue();
    String q = call.value("q").toLowerCase(Locale.ROOT);
    Map<String, List<Choice>> groups = new LinkedHashMap<>();
    for (Service s : c.services(language(call))) {
      String text = (s.name() + " " + nn(s.description()) + " " + nn(s.keywords()) + " "
          + nn(s.group())).toLowerCase(Locale.ROOT);
      if (!q.isEmpty() && !text.contains(q)) {
        continue;
      }
      String group = s.group() == null || s.group().isBlank() ? call.t().get("choose.other") : s.group();
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Choice(s.code(), s.name(),
          nn(s.description()), "/report/" + encode(s.code())));
    }
    List<Group> list = new ArrayList<>();
    groups.forEach((name, choices) -> list.add(new Group(name, choices)));
    Page page = new Page(call.t().get("choose.title"), call.t(), "/", false, services.map());
    return Answer.html(200, templates.render("choose", new ChooseView(page, c.jurisdiction().name(), call.value("q"),
        list, services.api().mirrorOf(c.jurisdiction().id()))));
  }

  Answer form(Exchange call, String code) {
    ServiceRecord s = service(code);
    return page(call, s, 200, Map.of(), List.of(), null);
  }

  Answer submit(Exchange call, String code) {
    ServiceRecord s = service(code);
    Parameters p = call.parameters();
    if (!call.value("website").isEmpty()) {
      // The honeypot: a field people never see, which form-filling robots fill in.
      throw Failure.keyed(400, "error.refused");
    }
    Map<String, Problem> problems = ReportCheck.check(s, p);
    if (!problems.isEmpty()) {
      return page(call, s, 400, problems, List.of(), null);
    }
    if (!call.value("lat").isEmpty() && call.value("confirm_new").isEmpty()) {
      List<RequestRecord> near = services.reporting().nearby(s.code(), Double.parseDouble(call.value("lat")),
          Double.parseDouble(call.value("long")));
      if (!near.isEmpty()) {
        return page(call, s, 200, Map.of(), near, null);
      }
    }
    Parameters.Builder b = Parameters.builder();
    for (String name : p.names()) {
      if (!name.equals("api_key") && !name.equals("jurisdiction_id") && !name.equals("service_code")
          && !name.equals("media_url")) {
        for (String v : p.all(name)) {
          b.add(name, name.startsWith("attribute[") ? withZone(v) : v);
        }
      }
    }
    b.add("service_code", s.code());
    b.add("jurisdiction_id", services.reporting().catalogue().jurisdiction().id());
    RequestReceipt receipt;
    try {
      receipt = services.intake().submitFromPage(b.build(),
          () -> services.uploads().store(call.uploads().stream().filter(u -> u.length() > 0).toList(), BaseUrl.of(call.request(), services.api())));
    } catch (Refusal e) {
      return page(call, s, 400, Map.of(), List.of(), String.join("; ", e.messages()));
    } catch (MediaRejected e) {
      Map<String, Problem> photo = Map.of("media", Problem.of(
          e.reason() == MediaRejected.Reason.TOO_LARGE ? "error.photo_large" : "error.photo_type"));
      return page(call, s, e.reason() == MediaRejected.Reason.TOO_LARGE ? 413 : 415, photo, List.of(), null);
    }
    long id = receipt.serviceRequestId() != null ? Long.parseLong(receipt.serviceRequestId())
        : receipt.token() != null ? services.reporting().findByToken(receipt.token()).map(RequestRecord::id).orElse(-1L)
        : -1L;
    boolean following = false;
    if (!call.value("email").isEmpty() && id > 0) {
      services.followers().follow(id, call.value("email"), call.t().language());
      following = true;
    }
    String to = receipt.serviceRequestId() != null ? "/thanks?id=" + receipt.serviceRequestId()
        : receipt.token() != null ? "/thanks?token=" + encode(receipt.token()) : "/thanks";
    return Answer.seeOther(to + (following ? (to.contains("?") ? "&" : "?") + "following=1" : ""));
  }

  Answer thanks(Exchange call) {
    String id = call.value("id").matches("\\d{1,18}") ? call.value("id") : "";
    String token = call.value("token").matches("[0-9a-fA-F-]{1,64}") ? call.value("token") : "";
    String track = !id.isEmpty() ? "/requests/" + id
        : services.reporting().findByToken(token).map(r -> "/requests/" + r.id()).orElse("");
    Page page = new Page(call.t().get("thanks.title"), call.t(), "/thanks?" + (id.isEmpty() ? "token=" + token
        : "id=" + id), false, services.map());
    RequestRecord made = !id.isEmpty() ? services.reporting().find(Long.parseLong(id)).orElse(null)
        : services.reporting().findByToken(token).orElse(null);
    return Answer.html(200, templates.render("thanks", new ThanksView(page, id, token, "", track,
        !call.value("following").isEmpty(), made == null ? "" : TrackPage.usually(services, made, call.t()))));
  }

  /** The reader's language for the catalogue's texts: null for the default. */
  static String language(Exchange call) {
    String l = call.t().language();
    return l.equals(org.civic311.server.domain.Translated.DEFAULT) ? null : l;
  }

  private ServiceRecord service(String code) {
    return services.reporting().catalogue().find(code).orElseThrow(() -> Failure.keyed(404, "error.no_service"));
  }

  private Answer page(Exchange call, ServiceRecord s, int status, Map<String, Problem> problems, List<RequestRecord> near,
      String refusal) {
    // The form speaks the reader's language; codes and keys are the same in every language.
    s = org.civic311.server.domain.Translated.service(s, language(call));
    Messages t = call.t();
    Parameters p = call.parameters();
    Map<String, List<String>> answers = p.attributes();
    List<Question> questions = new ArrayList<>();
    for (ServiceAttribute a : s.attributes()) {
      String field = a.datatype() == Datatype.MULTIVALUELIST ? "attribute[" + a.code() + "][]"
          : "attribute[" + a.code() + "]";
      List<String> given = answers.getOrDefault(a.code(), List.of());
      List<Option> options = new ArrayList<>();
      for (AttributeValue v : a.values()) {
        options.add(new Option(v.key(), v.name(), given.contains(v.key())));
      }
      Problem problem = problems.get("attribute[" + a.code() + "]");
      questions.add(new Question(a.code(), field, a.description(), a.datatype().wireName(), a.required(),
          a.variable(), nn(a.datatypeDescription()), options, given.isEmpty() ? "" : given.get(0),
          problem == null ? null : text(t, problem)));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : List.of("lat", "long", "address_string", "description", "first_name", "last_name", "email",
        "phone")) {
      values.put(name, call.value(name));
    }
    Map<String, String> shown = new LinkedHashMap<>();
    problems.forEach((field, problem) -> shown.put(field, text(t, problem)));
    List<Nearby> nearby = new ArrayList<>();
    java.time.ZoneId zone = services.reporting().catalogue().jurisdiction().zone();
    for (RequestRecord r : near) {
      nearby.add(new Nearby(r.id(), nn(r.description()), nn(r.address()),
          java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(
              java.time.Instant.ofEpochMilli(r.requestedAt()).atZone(zone)), r.supportCount(), "/requests/" + r.id()));
    }
    Page page = new Page(s.name() + " · " + t.get("report.title"), t, "/report/" + encode(s.code()), true,
        services.map());
    return Answer.html(status, templates.render("report", new FormView(page, s.code(), s.name(),
        nn(s.description()), saidOnce(nn(s.serviceNotice()), s.attributes()), questions, values, shown, nearby,
        refusal != null,
        refusal == null ? "" : refusal)));
  }

  /**
   * A browser's date-and-time field gives a local time without zone (and often without
   * seconds); the API wants an offset, so the jurisdiction's zone is added. Other values pass.
   */
  private String withZone(String value) {
    if (!value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
      return value;
    }
    try {
      return java.time.LocalDateTime.parse(value)
          .atZone(services.reporting().catalogue().jurisdiction().zone())
          .toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (java.time.DateTimeException e) {
      return value;
    }
  }

  static String text(Messages t, Problem p) {
    return t.get(p.key(), p.arguments().toArray());
  }

  static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The service notice, unless an informational question of the same service already makes the same
   * promise (catalogues imported from other cities often carry both): most of the notice's words
   * are in that question's text. The question stays, in its place among the others.
   */
  static String saidOnce(String notice, List<ServiceAttribute> attributes) {
    java.util.Set<String> words = words(notice);
    if (words.isEmpty()) {
      return notice;
    }
    for (ServiceAttribute a : attributes) {
      if (!a.variable()) {
        java.util.Set<String> shared = new java.util.HashSet<>(words(a.description()));
        shared.retainAll(words);
        if (shared.size() * 2 >= words.size()) {
          return "";
        }
      }
    }
    return notice;
  }

  private static java.util.Set<String> words(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : (text == null ? "" : text).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }
}
