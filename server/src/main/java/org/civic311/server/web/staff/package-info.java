/**
 * The staff back office: server-rendered pages under {@code /staff} (templates in
 * {@code src/main/jte/staff}, compiled at build time). Every page but sign-in needs a session;
 * every form carries the session's CSRF token. The rules themselves live in
 * {@code domain.staff}; this package only reads forms, calls them and renders the result.
 */
package org.civic311.server.web.staff;
