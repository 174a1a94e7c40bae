package io.vigil.web.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The server certificate: read from PEM files named in the configuration, or generated once at first
 * start into {@code <data>/tls/server.crt} and {@code server.key} (an ECDSA P-256 key, self-signed for
 * 825 days, names: localhost, 127.0.0.1, ::1, this host's name and the bind address). The folder is 700
 * and the key file 600; a key file readable by others is refused when loading.
 */
public final class TlsFiles {
    public static final String FOLDER = "tls";
    public static final String CERT_FILE = "server.crt";
    public static final String KEY_FILE = "server.key";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private TlsFiles() {
    }

    /** Loads {@code <data>/tls/server.{crt,key}}, generating them first if they do not exist. */
    public static TlsIdentity loadOrGenerate(Path dataDir, List<String> extraNames, Clock clock) {
        Path folder = dataDir.resolve(FOLDER);
        Path cert = folder.resolve(CERT_FILE);
        Path key = folder.resolve(KEY_FILE);
        if (!Files.exists(cert) || !Files.exists(key)) {
            generate(folder, extraNames, clock);
        }
        return load(cert, key);
    }

    /** Loads a PEM certificate chain and a PEM private key (PKCS#8, or traditional EC/RSA). */
    public static TlsIdentity load(Path certFile, Path keyFile) {
        try {
            refuseOpenKey(keyFile);
            List<X509Certificate> chain = readCertificates(certFile);
            PrivateKey key = readKey(keyFile);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(SecureRandom.getSeed(18));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(TlsIdentity.ALIAS, key, password.toCharArray(), chain.toArray(new Certificate[0]));
            return new TlsIdentity(store, password, chain.get(0));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load TLS certificate " + certFile + " / key " + keyFile + ": "
                    + e.getMessage() + " (use PEM files: a CERTIFICATE chain and a PRIVATE KEY)", e);
        }
    }

    private static void generate(Path folder, List<String> extraNames, Clock clock) {
        try {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSign(pair, names(extraNames), clock.instant());
            Path key = folder.resolve(KEY_FILE);
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, pem(pair.getPrivate()), StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(folder.resolve(CERT_FILE), pem(cert));
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a TLS certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSign(KeyPair pair, Set<String> names, Instant now)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        X500Name subject = new X500Name("CN=Vigil self-signed (" + names.iterator().next() + ")");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(128, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        List<GeneralName> alt = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.matches("[0-9.]+") || name.contains(":");
            alt.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(new GeneralName[0])));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static Set<String> names(List<String> extra) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // no resolvable host name: the certificate still covers localhost and the bind address
        }
        for (String name : extra) {
            if (name != null && !name.isBlank() && !name.equals("0.0.0.0") && !name.equals("::")) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IOException("no CERTIFICATE block in " + file);
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair keyPair) {
                    return converter.getPrivateKey(keyPair.getPrivateKeyInfo());
                }
            }
        }
        throw new IOException("no unencrypted PRIVATE KEY block in " + file);
    }

    private static void refuseOpenKey(Path keyFile) throws IOException {
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile));
            if (!perms.substring(3).equals("------")) {
                throw new IOException("the key file is readable by others (" + perms + "); run chmod 600 " + keyFile);
            }
        }
    }

    private static String pem(PrivateKey key) {
        // PKCS#8 ("PRIVATE KEY"), the form every TLS tool reads
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String pem(X509Certificate cert) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(cert);
        }
        return out.toString();
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
