package io.vigil.web;

import io.vigil.web.tls.TlsIdentity;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector for Jetty 12 (Javalin 7 has no bundled SSL plugin): TLS 1.2+ only, Jetty's default
 * strong cipher list, no SNI requirement (clients may connect by IP address) and no SNI host check (the
 * self-signed certificate covers loopback names and the bind address; the client decides trust).
 */
final class TlsConnector {
    private TlsConnector() {
    }

    static Connector create(Server server, HttpConfiguration http, TlsIdentity identity, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(identity.keyStore());
        ssl.setKeyStorePassword(identity.keyStorePassword());
        ssl.setCertAlias(TlsIdentity.ALIAS);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setSniRequired(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
