package org.civic311.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every human text of the pages comes from the message bundles: a template (residents' and staff)
 * may hold markup, expressions and symbols, but no words of its own, in its text or in the
 * attributes a person reads or hears (alt, title, aria-label, placeholder).
 */
class TemplateTextTest {
  private static final Path TEMPLATES = Path.of("src/main/jte");
  /**
   * Names, the same in every language: the brand, feed and metadata formats, file names; and the
   * label of the form's trap field, which only robots read (it is hidden from people and readers).
   */
  private static final Set<String> NAMES = Set.of("Civic311", "Atom", "RSS", "DCAT-US", "Frictionless", "Data",
      "data.json", "datapackage.json", "Website");
  private static final Pattern READ_ATTRIBUTE = Pattern.compile(
      "\\s(alt|title|aria-label|placeholder)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.-]*");

  @Test
  void noTemplateHoldsAHardCodedText() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(TEMPLATES)) {
      files = all.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
    }
    assertThat(files).as("the staff and residents' templates").hasSizeGreaterThan(15);
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      for (String text : humanTexts(Files.readString(file))) {
        found.add(TEMPLATES.relativize(file) + ": " + text);
      }
    }
    assertThat(found).as("texts written in templates instead of taken from the message bundles").isEmpty();
  }

  @Test
  void theCheckFindsTextsInMarkupAndInAttributes() {
    assertThat(humanTexts("<p>${t.get(\"a\")}</p><button>Delete</button>")).containsExactly("Delete");
    assertThat(humanTexts("<img alt=\"A photo\" src=\"${x}\">")).containsExactly("alt=\"A photo\"");
    assertThat(humanTexts("@if(a.equals(\"}\"))<b>${a} · #${b}</b>@endif Civic311 <small>(${c})</small>"))
        .isEmpty();
  }

  /** The texts a reader would see that are not expressions, symbols or names. */
  static List<String> humanTexts(String template) {
    String code = withoutCode(template);
    List<String> out = new ArrayList<>();
    Matcher tag = Pattern.compile("<[^>]*>", Pattern.DOTALL).matcher(code);
    StringBuilder text = new StringBuilder();
    int last = 0;
    while (tag.find()) {
      text.append(code, last, tag.start()).append('\n');
      Matcher a = READ_ATTRIBUTE.matcher(tag.group());
      while (a.find()) {
        if (hasWords(a.group(2))) {
          out.add(a.group(1) + "=\"" + a.group(2).strip() + "\"");
        }
      }
      last = tag.end();
    }
    text.append(code.substring(last));
    for (String line : text.toString().split("\n")) {
      if (hasWords(line)) {
        out.add(line.strip());
      }
    }
    return out;
  }

  private static boolean hasWords(String s) {
    Matcher m = WORD.matcher(s);
    while (m.find()) {
      if (m.group().codePoints().filter(Character::isLetter).count() >= 2 && !NAMES.contains(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** The template with its directives, expressions and code blocks taken out. */
  static String withoutCode(String template) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith("@import", i) || template.startsWith("@param", i)) {
        int end = template.indexOf('\n', i);
        i = end < 0 ? template.length() : end;
      } else if (template.startsWith("<%--", i)) {
        i = template.indexOf("--%>", i) + 4;
      } else if (template.startsWith("<!--", i)) {
        i = template.indexOf("-->", i) + 3;
      } else if (template.startsWith("${", i) || template.startsWith("!{", i)) {
        i = closing(template, i + 1, '{', '}');
      } else if (template.startsWith("$unsafe{", i)) {
        i = closing(template, i + 7, '{', '}');
      } else if (template.startsWith("@`", i)) {
        i += 2;
      } else if (template.startsWith("`)", i)) {
        i += 2;
      } else if (template.charAt(i) == '@' && i + 1 < template.length()
          && Character.isLetter(template.charAt(i + 1))) {
        int j = i + 1;
        while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '.')) {
          j++;
        }
        i = j < template.length() && template.charAt(j) == '(' ? closing(template, j, '(', ')') : j;
      } else {
        out.append(template.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** The index after the bracket closing the one at {@code open}, skipping Java string literals. */
  private static int closing(String s, int open, char opening, char close) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\') {
            i++;
          }
          i++;
        }
      } else if (c == '@' && s.startsWith("@`", i)) {
        // A content block passed as an argument: its body is template text, checked on its own.
        return i;
      } else if (c == opening) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i + 1;
      }
    }
    return s.length();
  }
}
