package org.civic311.georeport;

import java.util.List;

/** The discovery document: who runs the server, how to get a key, and its endpoints. */
public record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {
  public Discovery {
    endpoints = List.copyOf(endpoints);
  }
}
