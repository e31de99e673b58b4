/**
 * HTTP: the GeoReport API on Jetty's core handlers. Parses paths and bodies, calls the domain,
 * writes GeoReport documents; every failure becomes a GeoReport error document in the requested
 * format with the matching status, never an HTML page or a stack trace.
 */
package org.civic311.server.web;
