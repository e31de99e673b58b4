package org.civic311.server.web.staff;

import org.civic311.server.domain.staff.AccountOffice;
import org.civic311.server.domain.staff.Accounts;
import org.civic311.server.domain.staff.AuditLog;
import org.civic311.server.domain.staff.CatalogueEditor;
import org.civic311.server.domain.staff.Casework;
import org.civic311.server.domain.staff.KeyOffice;
import org.civic311.server.domain.staff.Queue;
import org.civic311.server.domain.staff.Sessions;
import org.civic311.server.web.WriteLimiter;

/** The domain objects the staff pages call, and the rate limit on sign-ins, made once by the application. */
public record StaffServices(Accounts accounts, AccountOffice accountOffice, Sessions sessions, Queue queue,
    Casework casework, KeyOffice keys, CatalogueEditor catalogue, AuditLog audit, Frame.MapView map,
    WriteLimiter limiter, org.civic311.server.domain.interop.Outbox outbox,
    org.civic311.server.domain.interop.Mirrors mirrors) {}
