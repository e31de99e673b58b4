package org.civic311.client;

import java.util.Objects;
import org.civic311.georeport.RequestExtensions;
import org.civic311.georeport.ServiceRequest;

/**
 * A request read with {@code extensions=true}: the standard fields, and what the server added
 * (empty extensions when it added nothing).
 */
public record ExtendedRequest(ServiceRequest request, RequestExtensions extensions) {
  public ExtendedRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(extensions, "extensions");
  }
}
