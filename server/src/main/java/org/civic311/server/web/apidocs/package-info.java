/**
 * The API's own description: the OpenAPI 3.1 document of every public endpoint (GeoReport, open
 * data, feeds, photos) at {@code <base_path>/openapi.json}, written by hand in
 * {@code src/main/resources/apidocs/openapi.yaml}, and a page at {@code /docs} that shows it with
 * Swagger UI from its WebJar.
 */
package org.civic311.server.web.apidocs;
