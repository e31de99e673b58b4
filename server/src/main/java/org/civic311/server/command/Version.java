package org.civic311.server.command;

import picocli.CommandLine;

/** The version printed by {@code --version}, from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"civic311 " + (v == null ? "development build" : v)};
  }
}
