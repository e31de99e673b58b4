package org.civic311.server.command;

import org.civic311.server.config.Configuration;

/**
 * The address {@code serve} listens on: the one the command line names, else the one the
 * configuration names, else every interface. The bundled demo is the exception: it publishes its
 * administrator's password, so unless an address is named it listens on loopback only, and a
 * quick start on a server does not open a back office anyone can sign in to.
 *
 * @param host       the address to bind
 * @param demoLocked true when it is loopback only because this is the demo
 */
record ListenAddress(String host, boolean demoLocked) {
  static final String EVERY_INTERFACE = "0.0.0.0";
  static final String LOOPBACK = "127.0.0.1";

  static ListenAddress choose(String commandLine, Configuration config, boolean demo) {
    if (commandLine != null) {
      return new ListenAddress(commandLine, false);
    }
    if (config.server().host() != null) {
      return new ListenAddress(config.server().host(), false);
    }
    return demo ? new ListenAddress(LOOPBACK, true) : new ListenAddress(EVERY_INTERFACE, false);
  }

  /** What {@code serve} prints at start-up when the demo keeps to loopback. */
  String demoNotice() {
    return "demo mode: listening on " + LOOPBACK + " only, because the demo's administrator password is"
        + " published; pass --host " + EVERY_INTERFACE + " (or set server.host in your own configuration)"
        + " to open it";
  }
}
