package org.civic311.server.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every log line the server writes while attached: the application's (root) and the access log's
 * (which does not pass its lines up). Each event is fixed on the thread that logged it, so its
 * log context (the request id) is the one of that moment. Close to detach.
 */
public final class LogLines implements AutoCloseable {
  private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
  private final Appender appender = new Appender();
  private final PatternLayout layout = new PatternLayout();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger access = (Logger) LoggerFactory.getLogger("civic311.access");

  private final class Appender extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent e) {
      e.prepareForDeferredProcessing();
      events.add(e);
    }
  }

  public static LogLines attach() {
    return new LogLines();
  }

  private LogLines() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    layout.setContext(context);
    // Everything a line may carry: logger, the whole log context, message, exception.
    layout.setPattern("%level %logger [%mdc] %msg %ex%n");
    layout.start();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    access.addAppender(appender);
  }

  public List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  /** Every line as it would be written, log context and exception included. */
  public List<String> lines() {
    return events.stream().map(layout::doLayout).toList();
  }

  /** Waits a little for lines written once an answer has gone out (the access log's). */
  public LogLines settle() throws InterruptedException {
    Thread.sleep(300);
    return this;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    access.detachAppender(appender);
    appender.stop();
  }
}
