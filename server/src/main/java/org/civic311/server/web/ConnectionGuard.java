package org.civic311.server.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one address from holding the server's connections: at most {@code perAddress} open
 * connections from one client address (more are closed as they open), and a connection must
 * deliver its first request's headers within {@code headerMillis}, so a client that opens
 * sockets and trickles headers into them is dropped. Bodies have their own deadline (see
 * {@link BodyReader}); idle keep-alive connections the connector's idle timeout.
 */
final class ConnectionGuard implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private final int perAddress;
  private final long headerMillis;
  private final Scheduler scheduler;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  /**
   * Each open connection's address as it was when it opened: once a client has reset the socket,
   * the end point no longer knows its remote address, and the count would never come down.
   */
  private final ConcurrentHashMap<Connection, String> addresses = new ConcurrentHashMap<>();
  private final AtomicInteger refusedSinceLog = new AtomicInteger();

  ConnectionGuard(int perAddress, long headerMillis, Scheduler scheduler) {
    this.perAddress = perAddress;
    this.headerMillis = headerMillis;
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    String address = address(connection.getEndPoint().getRemoteSocketAddress());
    addresses.put(connection, address);
    int now = open.merge(address, 1, Integer::sum);
    if (now > perAddress) {
      if (refusedSinceLog.getAndIncrement() == 0) {
        LOG.warn("closing connections from {}: over {} open from one address (logged once per minute)",
            address, perAddress);
        scheduler.schedule(() -> refusedSinceLog.set(0), 1, TimeUnit.MINUTES);
      }
      connection.close();
      return;
    }
    scheduler.schedule(() -> {
      if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0 && connection.getBytesOut() == 0) {
        connection.close();
      }
    }, headerMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onClosed(Connection connection) {
    String address = addresses.remove(connection);
    if (address != null) {
      open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  private static String address(SocketAddress socket) {
    if (socket instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(socket);
  }
}
