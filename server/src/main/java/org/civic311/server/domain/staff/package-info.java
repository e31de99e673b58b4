/**
 * The staff back office's rules: accounts and roles, sign-in and sessions, what each member may
 * see and change, the actions on requests, catalogue and keys, and the audit log every action
 * writes to. Knows nothing of HTTP; the pages live in {@code web.staff}.
 */
package org.civic311.server.domain.staff;
