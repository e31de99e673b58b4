package org.civic311.server.domain.backup;

/** Hears how far a backup or restore has got. */
public interface Progress {
  /** A step begins, such as "copying the database". */
  void step(String what);

  /** Photos handled so far, of {@code total}. */
  void files(long done, long total);

  /** A listener that ignores everything. */
  Progress NONE = new Progress() {
    @Override
    public void step(String what) { }

    @Override
    public void files(long done, long total) { }
  };
}
