package org.civic311.bench;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor for {@code GET services.json}: stock Jetty 12 answering every request with the same
 * bytes the server sent, with no routing, parameters or caching logic. A ratio against it
 * measures what the application adds on top of Jetty on this machine.
 *
 * <p>Usage: {@code ServicesBaseline BODY_FILE CONTENT_TYPE PORT [gzip]}; listens on 127.0.0.1 until
 * killed. With {@code gzip}, stock Jetty's GzipHandler compresses each answer for clients that ask,
 * as a server without kept compressed bytes would.
 */
public final class ServicesBaseline {
  private ServicesBaseline() {}

  public static void main(String[] args) throws Exception {
    ByteBuffer body = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[0]))).asReadOnlyBuffer();
    String contentType = args[1];
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(Integer.parseInt(args[2]));
    server.addConnector(connector);
    // Handler.Abstract (not NonBlocking), like the server's API handler, so both are dispatched
    // to the thread pool the same way and the ratio compares work, not threading modes.
    Handler.Abstract plain = new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, body.duplicate(), callback);
        return true;
      }
    };
    if (args.length > 3 && args[3].equals("gzip")) {
      org.eclipse.jetty.server.handler.gzip.GzipHandler gzip = new org.eclipse.jetty.server.handler.gzip.GzipHandler();
      gzip.setMinGzipSize(1024);
      gzip.setHandler(plain);
      server.setHandler(gzip);
    } else {
      server.setHandler(plain);
    }
    server.start();
    System.out.println("baseline listening on port " + connector.getLocalPort());
    server.join();
  }
}
