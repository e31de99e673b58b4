package org.civic311.server.domain.opendata;

import java.io.IOException;

/**
 * Rows written one by one to a stream in one of the download formats. {@link #finish} ends the
 * document and flushes; neither closes the stream. Used by one thread.
 */
interface Sheet<T> {
  void write(T row) throws IOException;

  void finish() throws IOException;
}
