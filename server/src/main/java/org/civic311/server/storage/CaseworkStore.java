package org.civic311.server.storage;

import java.util.List;
import java.util.Map;

/** What staff add to requests beyond the public history: field changes, internal notes, templates. */
public interface CaseworkStore {

  /** Applies a change to a request's fields; false when the request is unknown. */
  boolean change(String jurisdictionId, long requestId, RequestChange change);

  /** The requests marked as duplicates of this one. */
  List<Long> duplicatesOf(long requestId);

  InternalNoteRecord addNote(long requestId, long userId, String body, long now);

  /** A request's internal notes, oldest first. */
  List<InternalNoteRecord> notes(long requestId);

  /** The templates for a service, those for every service included. */
  List<ResponseTemplateRecord> templates(String jurisdictionId, String serviceCode);

  /** Every template of a jurisdiction. */
  List<ResponseTemplateRecord> templates(String jurisdictionId);

  ResponseTemplateRecord addTemplate(ResponseTemplateRecord template);

  boolean deleteTemplate(String jurisdictionId, long id);

  /** How many requests each service of a jurisdiction has, by code. */
  Map<String, Long> requestCounts(String jurisdictionId);
}
