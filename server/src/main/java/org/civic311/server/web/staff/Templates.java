package org.civic311.server.web.staff;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The staff page templates, compiled to classes at build time (jte), so nothing compiles at run time. */
final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code staff/<name>.jte} with its one parameter. */
  String render(String name, Object model) {
    StringOutput out = new StringOutput(8192);
    engine.render("staff/" + name + ".jte", model, out);
    return out.toString();
  }
}
