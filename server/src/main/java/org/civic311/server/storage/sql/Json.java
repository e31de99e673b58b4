package org.civic311.server.storage.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.civic311.georeport.ServiceAttribute;

/** The JSON columns: a service's attributes and a request's submitted answers. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<ServiceAttribute>> ATTRIBUTES = new TypeReference<>() {};
  private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {};

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  static List<ServiceAttribute> attributes(String json) {
    return read(json, ATTRIBUTES);
  }

  static org.civic311.server.storage.Translations translations(String json) {
    return json == null ? org.civic311.server.storage.Translations.NONE
        : new org.civic311.server.storage.Translations(read(json, TRANSLATIONS));
  }

  private static final TypeReference<Map<String, Map<String, String>>> TRANSLATIONS = new TypeReference<>() {};

  static Map<String, List<String>> answers(String json) {
    return read(json, ANSWERS);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is damaged: " + json, e);
    }
  }
}
