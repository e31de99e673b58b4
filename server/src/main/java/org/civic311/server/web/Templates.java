package org.civic311.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Page templates of one folder of {@code src/main/jte}, compiled to classes at build time (jte),
 * so nothing compiles at run time and a template error fails the build. Thread-safe.
 */
public final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
  private final String folder;

  /** Templates of {@code src/main/jte/<folder>}. */
  public Templates(String folder) {
    this.folder = folder;
  }

  /** Renders {@code <folder>/<name>.jte} with its one parameter. */
  public String render(String name, Object model) {
    StringOutput out = new StringOutput(8192);
    ENGINE.render(folder + "/" + name + ".jte", model, out);
    return out.toString();
  }
}
