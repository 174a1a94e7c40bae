package io.vigil.cases.action;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends one e-mail through the configured server with STARTTLS required (Angus Mail refuses to continue in
 * plaintext), AUTH when a user is configured, and the server name checked against its certificate.
 */
final class MailSender {
    private final Smtp smtp;
    private final Allowlist allowlist;
    private final Session session;

    MailSender(Smtp smtp, Allowlist allowlist) {
        this.smtp = smtp;
        this.allowlist = allowlist;
        this.session = Session.getInstance(properties(smtp));
    }

    Attempt send(ActionDefinition.Email email, Map<String, String> values) {
        allowlist.requireHost(smtp.host(), "smtp");
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from(), true));
            for (String to : email.to()) message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            // header values must stay on one line, whatever a host name contains
            message.setSubject(email.subjectTemplate().render(values).replaceAll("[\\r\\n]+", " "), "UTF-8");
            message.setText(email.bodyTemplate().render(values), "UTF-8");
            message.setSentDate(new Date());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Attempt.Success("mail to " + email.to() + " accepted by " + smtp.host() + ":" + smtp.port());
        } catch (AuthenticationFailedException e) {
            return new Attempt.Permanent("smtp " + smtp.host() + " refused the credentials of " + smtp.username());
        } catch (AddressException e) {
            return new Attempt.Permanent("bad e-mail address: " + e.getMessage());
        } catch (MessagingException e) {
            return new Attempt.Retryable("smtp " + smtp.host() + ":" + smtp.port() + " failed: " + e.getMessage());
        }
    }

    private static Properties properties(Smtp smtp) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        p.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeoutMs()));
        p.put("mail.smtp.timeout", Long.toString(smtp.timeoutMs()));
        p.put("mail.smtp.writetimeout", Long.toString(smtp.timeoutMs()));
        if (smtp.caFile() != null) p.put("mail.smtp.ssl.socketFactory", trusting(smtp));
        return p;
    }

    /** A socket factory that trusts only the certificates in the configured PEM file. */
    private static SSLSocketFactory trusting(Smtp smtp) {
        try (InputStream in = Files.newInputStream(smtp.caFile())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, cert);
            }
            if (n == 0) throw new IllegalArgumentException("actions.smtp.ca_file " + smtp.caFile() + " holds no PEM certificate");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("actions.smtp.ca_file " + smtp.caFile() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
