package io.vigil.web;

import io.vigil.web.tls.TlsIdentity;
import java.util.Objects;

/** How the web server speaks: HTTPS with a certificate, or plain HTTP (loopback only unless allowed). */
public sealed interface Transport {
    /**
     * Plain HTTP. On anything but a loopback address the server refuses to start unless
     * {@code allowedOffLoopback} (the config's {@code insecure.allow_plain_http}); then it warns at every start.
     */
    record Plain(boolean allowedOffLoopback) implements Transport {
    }

    /** HTTPS with this key and certificate; responses carry HSTS. */
    record Tls(TlsIdentity identity) implements Transport {
        public Tls {
            Objects.requireNonNull(identity, "identity");
        }
    }

    Transport PLAIN_LOOPBACK_ONLY = new Plain(false);
}
