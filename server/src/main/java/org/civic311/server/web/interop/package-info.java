/**
 * The HTTP side of talking with other Open311 servers: the {@code Idempotency-Key} header on the
 * API's POSTs. The rules live in {@code domain.interop}.
 */
package org.civic311.server.web.interop;
