/**
 * The Open311 GeoReport v2 protocol as a library: the nouns of the standard as immutable records,
 * their XML and JSON encoding by the Spark convention, request parameter parsing, and conformance
 * checks of any GeoReport document.
 *
 * <p>Nothing here knows of storage, web servers or any city's business. Every type is immutable
 * and safe to share between threads unless its documentation says otherwise.
 */
package org.civic311.georeport;
