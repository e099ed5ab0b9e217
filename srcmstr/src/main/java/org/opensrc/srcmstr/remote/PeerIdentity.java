package org.opensrc.srcmstr.remote;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The identity a remote caller proved in the TLS handshake: its certificate's subject CN. */
final class PeerIdentity {

    private PeerIdentity() {}

    /** The CN of the verified peer certificate, if the session has one. */
    static Optional<String> of(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        return commonName(leaf.getSubjectX500Principal().getName());
    }

    /** The (last, most specific) CN of an RFC 2253 distinguished name. */
    static Optional<String> commonName(String distinguishedName) {
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return Optional.ofNullable(cn).filter(s -> !s.isEmpty());
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
