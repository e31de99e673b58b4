package org.civic311.server.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's meters, read at {@code /metrics}: the JVM's memory, collections, threads and
 * classes, the process's CPU, files and uptime, and whatever the parts register (calls, pools,
 * the writer, mail). With metrics off there is no registry, and the parts get an empty one that
 * keeps nothing.
 */
final class Meters implements AutoCloseable {
  private final PrometheusMeterRegistry prometheus;
  private final JvmGcMetrics gc;

  private Meters(PrometheusMeterRegistry prometheus, JvmGcMetrics gc) {
    this.prometheus = prometheus;
    this.gc = gc;
  }

  static Meters start() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("application", "civic311");
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return new Meters(registry, gc);
  }

  /** A registry that keeps nothing, for when metrics are off. */
  static MeterRegistry none() {
    return new CompositeMeterRegistry();
  }

  PrometheusMeterRegistry registry() {
    return prometheus;
  }

  @Override
  public void close() {
    gc.close();
    prometheus.close();
  }
}
