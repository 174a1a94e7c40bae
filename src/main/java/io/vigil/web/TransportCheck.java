package io.vigil.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secure by default: credentials and logs never cross a network in clear text unless someone wrote down
 * that they want it. Listening anywhere but loopback needs TLS or {@code insecure.allow_plain_http: true},
 * and the latter is warned about at every start.
 */
final class TransportCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TransportCheck.class);

    private TransportCheck() {
    }

    static void requireSafe(String host, Transport transport) {
        if (transport instanceof Transport.Plain plain && !plain.allowedOffLoopback() && !isLoopback(host)) {
            throw new IllegalStateException("refusing to serve plain HTTP on " + host + ", which is not a loopback"
                    + " address: passwords and logs would cross the network unencrypted. Configure http.tls"
                    + " (cert_file/key_file, or leave them empty to generate a certificate), bind http.host to"
                    + " 127.0.0.1, or set insecure: { allow_plain_http: true } if a TLS proxy is in front");
        }
    }

    static void warnIfPlainOffLoopback(String host, Transport transport) {
        if (transport instanceof Transport.Plain && !isLoopback(host)) {
            LOG.warn("INSECURE: serving plain HTTP on {} because insecure.allow_plain_http is true; passwords, tokens"
                    + " and logs cross the network unencrypted unless a TLS proxy is in front", host);
        }
    }

    /** Whether the bind address is loopback only ("localhost", 127.0.0.0/8, ::1). */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress address : all) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
