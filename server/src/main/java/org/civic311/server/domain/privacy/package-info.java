/**
 * What is taken out of text before the public sees it. Residents type their own phone number and
 * email into descriptions, and staff sometimes quote them in notes; the stored text keeps them for
 * the city, and {@link org.civic311.server.domain.privacy.PersonalData} masks them on the way out.
 * See docs/GEOREPORT-DECISIONS.md, "contact details in free text", for the rule and its table.
 */
package org.civic311.server.domain.privacy;
