package org.civic311.server.domain.staff;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civic311.georeport.AttributeValue;
import org.civic311.georeport.ServiceAttribute;
import org.civic311.server.domain.Wording;
import org.civic311.server.storage.Translations;

/**
 * A service's translations as the catalogue form writes them, one text a line:
 * {@code es name = Bache}, {@code es attribute:SIDE = ¿En qué lado?}, {@code es value:SIDE:N = Norte}.
 */
public final class TranslationLines {
  private static final Pattern LINE = Pattern.compile("\\s*([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\\s+(\\S+)\\s*=\\s*(.*)");

  private TranslationLines() {}

  /** The translations of the lines; a line that is not one, or names no field of the service, is a fault. */
  static Translations read(String text, List<ServiceAttribute> attributes, Map<String, Wording> faults) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    String[] lines = text == null ? new String[0] : text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(lines[i]);
      if (!m.matches() || m.group(3).isBlank() || !known(m.group(2), attributes) || m.group(3).length() > 4000) {
        faults.putIfAbsent("translations", Wording.of("fault.translation", i + 1));
        continue;
      }
      out.computeIfAbsent(m.group(1), l -> new TreeMap<>()).put(m.group(2), m.group(3).strip());
    }
    return new Translations(out);
  }

  private static boolean known(String field, List<ServiceAttribute> attributes) {
    if (Translations.SERVICE_FIELDS.contains(field)) {
      return true;
    }
    for (ServiceAttribute a : attributes) {
      if (field.equals(Translations.attribute(a.code()))) {
        return true;
      }
      for (AttributeValue v : a.values()) {
        if (field.equals(Translations.value(a.code(), v.key()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The lines of stored translations, for the form. */
  static String write(Translations t) {
    StringBuilder b = new StringBuilder();
    t.byLanguage().forEach((language, texts) -> texts.forEach((field, text) ->
        b.append(language).append(' ').append(field).append(" = ").append(text.replace('\n', ' ')).append('\n')));
    return b.toString();
  }

  /** The lines of a service's translations, for the form. */
  public static String of(org.civic311.server.storage.ServiceRecord s) {
    return write(s.translations());
  }
}
