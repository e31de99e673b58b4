/**
 * The data catalogue over HTTP: {@code /data} for people (a residents' page), {@code /data.json}
 * (DCAT-US, Project Open Data v1.1) and {@code /data/datapackage.json} (Frictionless Data) for
 * harvesters. The downloads themselves are routes of their own.
 */
package org.civic311.server.web.opendata;
