package org.civic311.server.domain.interop;

/** What the forwarder tells the meters; the application counts them (see {@code app.ForwardMeters}). */
public interface ForwardEvents {
  /** Counts nothing. */
  ForwardEvents NONE = new ForwardEvents() {
    @Override
    public void sent() {}

    @Override
    public void failed() {}

    @Override
    public void retried() {}
  };

  /** A request reached its upstream. */
  void sent();

  /** An upstream refused a request (state failed). */
  void failed();

  /** An attempt failed and the request waits for another. */
  void retried();
}
