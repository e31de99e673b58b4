/**
 * Talking with other Open311 servers: idempotent POSTs (an {@code Idempotency-Key} makes a retried
 * POST safe) and forwarding new requests to an upstream endpoint through a durable outbox.
 */
package org.civic311.server.domain.interop;
