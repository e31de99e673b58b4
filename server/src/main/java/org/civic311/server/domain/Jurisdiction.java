package org.civic311.server.domain;

import java.time.ZoneId;

/** A city or district served by this server, with the zone its datetimes are written in. */
public record Jurisdiction(String id, String name, ZoneId zone) {}
