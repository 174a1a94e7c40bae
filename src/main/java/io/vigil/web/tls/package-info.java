/**
 * TLS for the web server: the server certificate from PEM files, or a self-signed one generated at first
 * start under {@code <data>/tls/} (key 600, folder 700). Read {@link io.vigil.web.tls.TlsFiles} first.
 * Thread-safety: stateless static methods; {@link io.vigil.web.tls.TlsIdentity} is immutable after load.
 */
package io.vigil.web.tls;
