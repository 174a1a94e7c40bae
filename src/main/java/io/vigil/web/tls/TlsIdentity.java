package io.vigil.web.tls;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A server's TLS key and certificate chain, in an in-memory PKCS#12 key store under alias {@link #ALIAS}.
 * The store password only exists because the KeyStore API needs one; the store never touches disk.
 */
public record TlsIdentity(KeyStore keyStore, String keyStorePassword, X509Certificate certificate) {
    public static final String ALIAS = "vigil";

    public TlsIdentity {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** SHA-256 fingerprint of the certificate, colon-separated hex, for the start-up log and pinning. */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the TLS certificate", e);
        }
    }
}
