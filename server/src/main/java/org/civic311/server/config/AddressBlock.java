package org.civic311.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of client addresses in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare
 * address is a block of one). Only address literals are read, never names, so checking a client
 * never waits for DNS.
 */
public record AddressBlock(byte[] network, int prefix) {

  /** Reads a CIDR block; the message of the exception names what is wrong. */
  public static AddressBlock parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an address block is empty; write one such as 10.0.0.0/8 or ::1/128");
    }
    String t = text.strip();
    int slash = t.indexOf('/');
    InetAddress address = literal(slash < 0 ? t : t.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("'" + text + "' is not an address block such as 10.0.0.0/8 or ::1/128");
    }
    int bits = address.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
        throw new IllegalArgumentException("'" + text + "' has a prefix length that is not between 0 and " + bits);
      }
      prefix = Integer.parseInt(p);
    }
    return new AddressBlock(address.getAddress(), prefix);
  }

  /** The address of a literal ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}), or null for anything else. */
  public static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null;
    }
    if (v4) {
      for (String octet : t.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          // Not a literal: the JDK would look it up as a name.
          return null;
        }
      }
    }
    try {
      return InetAddress.getByName(t);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** True when the client address (a literal) lies in this block. */
  public boolean contains(String client) {
    InetAddress a = literal(client);
    if (a == null) {
      return false;
    }
    byte[] b = a.getAddress();
    if (b.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (b[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (8 - rest) & 0xFF;
    return (b[whole] & mask) == (network[whole] & mask);
  }
}
