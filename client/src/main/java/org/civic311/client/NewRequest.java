package org.civic311.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service request to POST: the service, a location (a point, an address or an address id),
 * the answers to the service's attributes, what the reporter tells about themselves, and
 * photos. Without photos it is sent as a form; with photos as {@code multipart/form-data}, each
 * photo a part named {@code media} (the v2.1 draft's name). A multivaluelist answer is sent as
 * {@code attribute[code][]}, as the standard writes it.
 *
 * <p>Immutable; build with {@link #builder(String)}.
 */
public final class NewRequest {
  private final String serviceCode;
  private final Map<String, List<String>> fields;
  private final Map<String, List<String>> answers;
  private final List<Photo> photos;

  private NewRequest(Builder b) {
    serviceCode = b.serviceCode;
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    Map<String, List<String>> a = new LinkedHashMap<>();
    b.answers.forEach((k, v) -> a.put(k, List.copyOf(v)));
    answers = Collections.unmodifiableMap(a);
    photos = List.copyOf(b.photos);
  }

  /** A builder for a request to the service {@code serviceCode}. */
  public static Builder builder(String serviceCode) {
    return new Builder(serviceCode);
  }

  public String serviceCode() {
    return serviceCode;
  }

  /** The photos to send; empty for a plain form POST. */
  public List<Photo> photos() {
    return photos;
  }

  /** Every form field but the API key and jurisdiction, in order, names as sent. */
  public List<Map.Entry<String, String>> formFields() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    out.add(Map.entry("service_code", serviceCode));
    fields.forEach((name, values) -> values.forEach(v -> out.add(Map.entry(name, v))));
    answers.forEach((code, values) -> {
      String name = values.size() > 1 ? "attribute[" + code + "][]" : "attribute[" + code + "]";
      values.forEach(v -> out.add(Map.entry(name, v)));
    });
    return out;
  }

  /** Collects a request. Not thread-safe. */
  public static final class Builder {
    private final String serviceCode;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final List<Photo> photos = new ArrayList<>();

    private Builder(String serviceCode) {
      if (serviceCode == null || serviceCode.isBlank()) {
        throw new IllegalArgumentException("a service code is needed");
      }
      this.serviceCode = serviceCode;
    }

    /** Where: a WGS84 point. */
    public Builder location(double lat, double lon) {
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        throw new IllegalArgumentException("lat must lie within -90..90 and long within -180..180");
      }
      set("lat", Double.toString(lat));
      return set("long", Double.toString(lon));
    }

    /** Where: an address, most specific part first ({@code address_string}). */
    public Builder address(String address) {
      return set("address_string", address);
    }

    /** Where: the jurisdiction's own address id. */
    public Builder addressId(String id) {
      return set("address_id", id);
    }

    public Builder description(String description) {
      return set("description", description);
    }

    public Builder mediaUrl(String url) {
      return set("media_url", url);
    }

    public Builder email(String email) {
      return set("email", email);
    }

    public Builder phone(String phone) {
      return set("phone", phone);
    }

    public Builder firstName(String name) {
      return set("first_name", name);
    }

    public Builder lastName(String name) {
      return set("last_name", name);
    }

    public Builder deviceId(String id) {
      return set("device_id", id);
    }

    public Builder accountId(String id) {
      return set("account_id", id);
    }

    /** The answer to an attribute; several values for a multivaluelist. */
    public Builder attribute(String code, String... values) {
      Objects.requireNonNull(code, "code");
      if (values.length == 0) {
        throw new IllegalArgumentException("attribute " + code + " needs at least one value");
      }
      answers.put(code, List.of(values));
      return this;
    }

    public Builder photo(Photo photo) {
      photos.add(Objects.requireNonNull(photo, "photo"));
      return this;
    }

    /** Any other form field a server takes; a repeated call adds another value. */
    public Builder field(String name, String value) {
      fields.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    private Builder set(String name, String value) {
      if (value == null) {
        fields.remove(name);
      } else {
        fields.put(name, new ArrayList<>(List.of(value)));
      }
      return this;
    }

    /** @throws IllegalArgumentException when no location is given, which the standard requires */
    public NewRequest build() {
      if (!fields.containsKey("lat") && !fields.containsKey("address_string") && !fields.containsKey("address_id")) {
        throw new IllegalArgumentException("a location is needed: lat and long, an address or an address id");
      }
      return new NewRequest(this);
    }
  }
}
