package org.civic311.server.domain.citizen;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.civic311.server.domain.privacy.PersonalData;
import org.civic311.server.storage.FollowerRecord;
import org.civic311.server.storage.RequestRecord;
import org.civic311.server.storage.UpdateRecord;

/**
 * Writes the mail a follower gets when a request's status changes, in the follower's language
 * (texts in {@code StatusMails*.properties}). It says only what the public may see anyway: the
 * request number, the service, the new status and the public note (masked like every public text,
 * {@link PersonalData}), with a link to the request's page and one to stop the mails. Nothing of
 * the reporter or of other followers goes in, whoever the follower is. Thread-safe.
 */
public final class StatusMails {
  private static final String BUNDLE = "org.civic311.server.domain.citizen.StatusMails";

  private final String linkBase;

  /** @param linkBase the public root of the citizen pages, such as {@code https://311.example.org} */
  public StatusMails(String linkBase) {
    this.linkBase = linkBase.replaceAll("/+$", "");
  }

  /** The link to a request's public page. */
  public String trackingLink(long requestId) {
    return linkBase + "/requests/" + requestId;
  }

  /** The link that stops a follower's mails. */
  public String unsubscribeLink(String token) {
    return linkBase + "/unsubscribe/" + token;
  }

  /** The mail telling {@code follower} that {@code update} changed {@code request}. */
  public Mail compose(FollowerRecord follower, RequestRecord request, UpdateRecord update) {
    ResourceBundle texts = texts(follower.locale());
    String status = statusInWords(texts, update.status());
    String service = oneLine(request.serviceName());
    String number = Long.toString(request.id());
    String track = trackingLink(request.id());
    String stop = unsubscribeLink(follower.token());

    StringBuilder body = new StringBuilder();
    body.append(texts.getString("greeting")).append("\n\n");
    body.append(fill(texts.getString("changed"), number, service, status)).append("\n\n");
    String note = update.description() == null ? "" : PersonalData.mask(update.description()).strip();
    if (!note.isEmpty()) {
      body.append(texts.getString("note")).append('\n').append(note.replace("\r\n", "\n")).append("\n\n");
    }
    body.append(texts.getString("track")).append('\n').append(track).append("\n\n");
    // "-- " with its space is the signature separator mail programs recognise.
    body.append("-- \n").append(texts.getString("why")).append('\n')
        .append(texts.getString("stop")).append('\n').append(stop).append('\n');
    String subject = fill(texts.getString("subject"), number, service, status);
    return new Mail(follower.email(), subject, body.toString(), stop);
  }

  private static ResourceBundle texts(String locale) {
    // No fallback to the JVM's default locale: a follower's language decides, else English.
    return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(Followers.language(locale)),
        StatusMails.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String statusInWords(ResourceBundle texts, String status) {
    String key = status == null ? "" : status.toLowerCase(Locale.ROOT);
    try {
      return texts.getString("status." + key);
    } catch (MissingResourceException e) {
      return key.replace('_', ' ');
    }
  }

  private static String fill(String text, String number, String service, String status) {
    return text.replace("{request}", number).replace("{service}", service).replace("{status}", status);
  }

  /** A subject is one line; a service name with a line break must not start a new header. */
  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\p{Cntrl}+", " ").strip();
  }
}
