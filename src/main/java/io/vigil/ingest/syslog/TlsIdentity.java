package io.vigil.ingest.syslog;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS listener's certificate chain and key: from the configured PEM files, or else the self-signed
 * pair in {@code <data>/tls/syslog.crt} and {@code syslog.key}, generated on first start and reused after.
 *
 * @param chain             the server certificate first
 * @param sha256Fingerprint the leaf's SHA-256 fingerprint, {@code AB:CD:...} as {@code openssl x509 -fingerprint -sha256} prints it
 */
record TlsIdentity(SSLContext sslContext, List<X509Certificate> chain, String sha256Fingerprint) {
    private static final Logger LOG = LoggerFactory.getLogger(TlsIdentity.class);
    private static final char[] IN_MEMORY_PASSWORD = "syslog".toCharArray();

    static TlsIdentity load(SyslogOptions.TlsFiles files) throws IOException {
        Path certFile = files.certificatePem();
        Path keyFile = files.privateKeyPem();
        if (certFile == null) {
            Path dir = files.dataDir().resolve("tls");
            certFile = dir.resolve("syslog.crt");
            keyFile = dir.resolve("syslog.key");
            if (!Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile)) {
                generate(dir, certFile, keyFile);
            }
        }
        List<X509Certificate> chain = PemFiles.readCertificates(certFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        try {
            requireMatchingKey(chain.get(0), key, certFile, keyFile);
            return new TlsIdentity(sslContext(chain, key), chain, fingerprint(chain.get(0)));
        } catch (GeneralSecurityException e) {
            throw new IOException("syslog TLS: cannot use " + certFile + " with " + keyFile + ": " + e.getMessage(), e);
        }
    }

    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static void generate(Path dir, Path certFile, Path keyFile) throws IOException {
        String host = hostName();
        try {
            SelfSignedCertificate generated = SelfSignedCertificate.generate(host);
            Files.createDirectories(dir);
            PemFiles.writePrivateKey(keyFile, generated.keyPair().getPrivate());
            PemFiles.writeCertificate(certFile, generated.certificate());
            LOG.info("syslog TLS: generated a self-signed certificate for {} in {} (valid {} days)", host, certFile,
                    SelfSignedCertificate.VALIDITY.toDays());
        } catch (GeneralSecurityException e) {
            throw new IOException("syslog TLS: could not generate a certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** A key that does not belong to the certificate would only fail at the first handshake; fail at start instead. */
    private static void requireMatchingKey(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
            throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return; // unusual key type: the handshake will tell
        }
        byte[] probe = "vigil-syslog-key-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the private key in " + keyFile + " does not belong to the certificate in "
                    + certFile + " (" + cert.getSubjectX500Principal() + ")");
        }
    }

    private static SSLContext sslContext(List<X509Certificate> chain, PrivateKey key) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("syslog", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }
}
