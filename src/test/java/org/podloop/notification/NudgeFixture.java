package org.podloop.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the notification tests talk to: a real SMTP server (GreenMail, on the port the test profile
 * gives {@code spring.mail.port}) and a local HTTP server that receives chat webhooks as Slack and
 * Microsoft Teams Workflows would (200 "ok" and 202).
 */
final class NudgeFixture implements AutoCloseable {

    static final int SMTP_PORT = 39025;

    /** A mail as it arrived: to whom, its subject and decoded text. */
    record Mail(String to, String subject, String text) {}

    /** A webhook call as it arrived: which hook, and its JSON. */
    record Hook(String path, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private GreenMail smtp;
    private final HttpServer webhooks;
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private volatile int hookStatus = 0;

    NudgeFixture() {
        startSmtp();
        try {
            webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhooks.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = hookStatus != 0 ? hookStatus : path.endsWith("/teams") ? 202 : 200;
            if (status < 300) {
                hooks.add(new Hook(path, JSON.readTree(body)));
            }
            byte[] answer = (status < 300 ? "ok" : "failure").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        webhooks.start();
    }

    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    void stopSmtp() {
        smtp.stop();
    }

    /** Webhook calls answer this status from now on (0: as the services do). */
    void hooksAnswer(int status) {
        hookStatus = status;
    }

    String hookUrl(String path) {
        return "http://127.0.0.1:" + webhooks.getAddress().getPort() + path;
    }

    List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString)
                        .findFirst()
                        .orElse("");
                mails.add(
                        new Mail(to, message.getSubject(), message.getContent().toString()));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    List<Mail> mailsTo(String address) {
        return mails().stream().filter(mail -> mail.to().equals(address)).toList();
    }

    List<Hook> hooks(String path) {
        return hooks.stream().filter(hook -> hook.path().equals(path)).toList();
    }

    void forget() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        hooks.clear();
    }

    @Override
    public void close() {
        smtp.stop();
        webhooks.stop(0);
    }
}
