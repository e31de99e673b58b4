package org.civic311.server.config;

/** An API key given in the configuration file, with a label saying whose it is. */
public record ApiKeySettings(String key, String label) {
  @Override
  public String toString() {
    return "ApiKeySettings[label=" + label + "]";
  }
}
