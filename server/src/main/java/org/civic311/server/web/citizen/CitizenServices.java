package org.civic311.server.web.citizen;

import org.civic311.server.domain.Intake;
import org.civic311.server.domain.citizen.Followers;
import org.civic311.server.domain.citizen.Reporting;
import org.civic311.server.web.ApiSettings;
import org.civic311.server.web.Uploads;
import org.civic311.server.web.WriteLimiter;

/** What the public pages call, made once by the application. */
public record CitizenServices(Intake intake, Reporting reporting, Followers followers, Uploads uploads,
    ApiSettings api, Page.MapSettingsView map, WriteLimiter limiter) {}
