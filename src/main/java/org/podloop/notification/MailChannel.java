package org.podloop.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail over SMTP through Spring Boot's mail support: configured when {@code spring.mail.host} is set;
 * without it nudges stay in the outbox and on the start page.
 */
@Component
class MailChannel {

    private final JavaMailSender sender;
    private final String from;

    MailChannel(ObjectProvider<JavaMailSender> sender, @Value("${podloop.nudges.from:podloop@localhost}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
    }

    boolean configured() {
        return sender != null;
    }

    void send(String to, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        sender.send(mail);
    }
}
