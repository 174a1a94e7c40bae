package io.vigil.ingest.syslog;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads and writes certificates and private keys as PEM (Bouncy Castle's parser and writer). */
final class PemFiles {
    private PemFiles() {
    }

    /** Every certificate in the file, leaf first as written. */
    static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": unreadable certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException(file + ": no PEM certificate (\"-----BEGIN CERTIFICATE-----\") found");
        }
        return chain;
    }

    /** The first private key in the file: PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"). */
    static PrivateKey readPrivateKey(Path file) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                switch (item) {
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> {
                        return converter.getKeyPair(pair).getPrivate();
                    }
                    case PEMEncryptedKeyPair e -> throw encrypted(file);
                    case PKCS8EncryptedPrivateKeyInfo e -> throw encrypted(file);
                    default -> { }
                }
            }
        }
        throw new IOException(file + ": no PEM private key found (expected \"-----BEGIN PRIVATE KEY-----\")");
    }

    private static IOException encrypted(Path file) {
        return new IOException(file + ": the private key is encrypted; give an unencrypted key "
                + "(e.g. openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-plain.pem) with file mode 600");
    }

    static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        writeAtomically(file, false, writer -> writer.writeObject(certificate));
    }

    /** Writes the key as unencrypted PKCS#8, readable by the owner only (mode 600) from the first byte. */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        writeAtomically(file, true, writer -> writer.writeObject(new JcaPKCS8Generator(key, null)));
    }

    private interface PemWrite {
        void write(JcaPEMWriter writer) throws IOException;
    }

    private static void writeAtomically(Path file, boolean ownerOnly, PemWrite content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (ownerOnly) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (Writer out = Files.newBufferedWriter(temp); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            content.write(pem);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
