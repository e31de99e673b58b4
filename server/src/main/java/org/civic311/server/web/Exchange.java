package org.civic311.server.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civic311.georeport.FormDecoder;
import org.civic311.georeport.ParameterException;
import org.civic311.georeport.Parameters;
import org.civic311.server.domain.staff.AuditLog;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.web.citizen.Messages;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/**
 * One call through the front door, whatever its family: the route it matched with the values of
 * its path's placeholders, the query and form fields, the photos of a multipart body, the
 * caller's address and cookies; and what the family learnt before the route ran (the reader's
 * language, a staff session, the API key's label for the access log). Used by one thread at a
 * time; it lives as long as its call.
 */
public final class Exchange {
  private final Request request;
  private final Route route;
  private final Map<String, String> pathValues;
  private final Parameters query;
  private final ParameterException queryFault;
  private Body body = Body.NONE;
  private Parameters form;
  private Parameters parameters;
  private Messages messages;
  private boolean languageChosen;
  private Sessions.Session session;
  private String keyLabel;
  private org.civic311.server.domain.limits.Verdict verdict;

  Exchange(Request request, Route route, Map<String, String> pathValues) {
    this.request = request;
    this.route = route;
    this.pathValues = Map.copyOf(pathValues);
    Parameters.Builder q = Parameters.builder();
    ParameterException fault = null;
    try {
      FormDecoder.decode(request.getHttpURI().getQuery(), q);
    } catch (ParameterException e) {
      fault = e;
      q = Parameters.builder();
    }
    this.queryFault = fault;
    this.query = q.build();
    this.form = Parameters.builder().build();
    this.parameters = query;
  }

  /** Takes the body once it is read. */
  void received(Body body) {
    this.body = body;
    Parameters.Builder f = Parameters.builder();
    body.fields(f);
    this.form = f.build();
    this.parameters = Parameters.builder().addAll(query).addAll(form).build();
  }

  /** Throws what was wrong with the query string, if anything. */
  void checkQuery() {
    if (queryFault != null) {
      throw queryFault;
    }
  }

  Body body() {
    return body;
  }

  public Request request() {
    return request;
  }

  public Route route() {
    return route;
  }

  public String method() {
    return request.getMethod();
  }

  /** The path as asked, with runs of slashes made one. */
  public String path() {
    return FrontDoor.normalise(request.getHttpURI().getPath());
  }

  /** The decoded value of a placeholder of the route's path, such as {@code code} in {@code services/{code}}. */
  public String param(String name) {
    String v = pathValues.get(name);
    if (v == null) {
      throw new IllegalStateException("route " + route.pattern() + " has no placeholder " + name);
    }
    return v;
  }

  /** Query and body parameters together, the query's first. */
  public Parameters parameters() {
    return parameters;
  }

  /** The query's parameters alone. */
  public Parameters queryParameters() {
    return query;
  }

  /** The body's form fields alone. */
  public Parameters form() {
    return form;
  }

  /** A query parameter's single value, or "" when absent. */
  public String query(String name) {
    List<String> v = query.all(name);
    return v.isEmpty() ? "" : v.get(0);
  }

  /** A form field's first value, or "" when absent. */
  public String field(String name) {
    List<String> v = form.all(name);
    return v.isEmpty() ? "" : v.get(0);
  }

  /** Every value of a repeated form field. */
  public List<String> fields(String name) {
    return form.all(name);
  }

  /** A parameter's first value from query or body, trimmed, or "" when absent. */
  public String value(String name) {
    List<String> all = parameters.all(name);
    return all.isEmpty() ? "" : all.get(0).strip();
  }

  /** The photo parts of a multipart body. */
  public List<Upload> uploads() {
    return body.uploads();
  }

  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** A cookie's value, or "" when the call has none of that name. */
  public String cookie(String name) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return "";
  }

  /** The caller's address (the proxy's view of it only with trusted forwarded headers). */
  public String client() {
    return Request.getRemoteAddr(request);
  }

  public boolean secure() {
    return request.isSecure();
  }

  /** The public root URL of this server, such as {@code https://311.example.org}. */
  public String baseUrl(ApiSettings settings) {
    return BaseUrl.of(request, settings);
  }

  /** The reader's language, chosen by the page family before the route ran. */
  public Messages t() {
    if (messages == null) {
      messages = Messages.of("en");
    }
    return messages;
  }

  /** True when {@code ?lang=} chose the language on this call (the answer then sets the cookie). */
  public boolean languageChosen() {
    return languageChosen;
  }

  public void speak(Messages chosen, boolean byQuery) {
    this.messages = chosen;
    this.languageChosen = byQuery;
  }

  public Optional<Sessions.Session> session() {
    return Optional.ofNullable(session);
  }

  public void signedIn(Sessions.Session s) {
    this.session = s;
  }

  public Sessions.Session requireSession() {
    if (session == null) {
      throw new Failure(401, "Sign in first.");
    }
    return session;
  }

  /** Who acts, for the audit log: the signed-in member and the caller's address. */
  public AuditLog.Actor actor() {
    return new AuditLog.Actor(requireSession().member(), client());
  }

  /** The label of the API key the call used, for the access log. */
  public void keyLabel(String label) {
    this.keyLabel = label;
  }

  String keyLabel() {
    return keyLabel;
  }

  /** What the rate limits said of this call, if they counted it. */
  org.civic311.server.domain.limits.Verdict verdict() {
    return verdict;
  }

  void verdict(org.civic311.server.domain.limits.Verdict v) {
    this.verdict = v;
  }
}
