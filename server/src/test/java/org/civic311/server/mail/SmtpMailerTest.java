package org.civic311.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.civic311.server.domain.citizen.Mail;
import org.civic311.server.domain.citizen.Mailer.MailFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMTP mailer against a minimal SMTP server in the test: what it says, and how refusals are told apart. */
class SmtpMailerTest {
  final Mail mail = new Mail("ann@example.org", "Solicitud 7 (Bache): actuación programada",
      "Hola:\n\nIremos el miércoles.\n", "https://311.example.org/unsubscribe/abc");
  FakeSmtp smtp;

  @AfterEach
  void stop() throws IOException {
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void aMailIsHandedToTheServerWithItsHeaders() throws Exception {
    smtp = new FakeSmtp(rcpt -> true);
    new SmtpMailer("City 311 <311@city.example.org>", "127.0.0.1", smtp.port(), null, null, false).send(mail);

    String session = String.join("\n", smtp.lines);
    assertThat(session).contains("MAIL FROM:<311@city.example.org>").contains("RCPT TO:<ann@example.org>")
        .contains("From: City 311 <311@city.example.org>").contains("To: ann@example.org")
        .contains("Subject: =?UTF-8?").contains("List-Unsubscribe: <https://311.example.org/unsubscribe/abc>")
        .contains("Auto-Submitted: auto-generated").contains("charset=UTF-8")
        .contains("Content-Transfer-Encoding: quoted-printable").contains("Iremos el mi=C3=A9rcoles.");
  }

  @Test
  void aRefusedAddressIsAPermanentFailure() throws Exception {
    smtp = new FakeSmtp(rcpt -> false);
    SmtpMailer mailer = new SmtpMailer("311@city.example.org", "127.0.0.1", smtp.port(), null, null, false);
    assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailFailure.class)
        .satisfies(e -> assertThat(((MailFailure) e).permanent()).isTrue());
  }

  @Test
  void noServerIsAFailureWorthRetrying() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SmtpMailer mailer = new SmtpMailer("311@city.example.org", "127.0.0.1", port, null, null, false);
    assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailFailure.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .satisfies(e -> assertThat(((MailFailure) e).permanent()).isFalse());
  }

  @Test
  void starttlsIsRequiredWhenAsked() throws Exception {
    smtp = new FakeSmtp(rcpt -> true);
    SmtpMailer mailer = new SmtpMailer("311@city.example.org", "127.0.0.1", smtp.port(), null, null, true);
    assertThatThrownBy(() -> mailer.send(mail)).isInstanceOf(MailFailure.class)
        .satisfies(e -> assertThat(((MailFailure) e).permanent()).isFalse());
    assertThat(smtp.lines).noneMatch(l -> l.startsWith("MAIL FROM"));
  }

  /** Speaks just enough SMTP for one client at a time; offers no STARTTLS. */
  static final class FakeSmtp implements AutoCloseable {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket socket;
    private final Thread thread;

    FakeSmtp(Predicate<String> acceptRecipient) throws IOException {
      socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket client = socket.accept()) {
            converse(client, acceptRecipient);
          } catch (IOException e) {
            return;
          }
        }
      }, "fake-smtp");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void converse(Socket client, Predicate<String> acceptRecipient) throws IOException {
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = client.getOutputStream();
      say(out, "220 fake ESMTP");
      boolean data = false;
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        if (data) {
          if (line.equals(".")) {
            data = false;
            say(out, "250 queued");
          }
        } else if (line.startsWith("EHLO")) {
          say(out, "250-fake\r\n250 8BITMIME");
        } else if (line.startsWith("RCPT")) {
          say(out, acceptRecipient.test(line) ? "250 ok" : "550 5.1.1 no such user");
        } else if (line.equals("DATA")) {
          data = true;
          say(out, "354 go ahead");
        } else if (line.equals("QUIT")) {
          say(out, "221 bye");
          return;
        } else {
          say(out, "250 ok");
        }
      }
    }

    private static void say(OutputStream out, String reply) throws IOException {
      out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
