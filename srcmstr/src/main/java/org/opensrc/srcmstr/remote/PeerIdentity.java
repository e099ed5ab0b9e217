package org.opensrc.srcmstr.remote;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
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

    /**
     * The CN of an RFC 2253 distinguished name that has exactly one; none when it has none or several (a subject {@code
     * CN=bob,CN=ops} names nobody, rather than whichever CN a reader takes), or when the CN is empty or not a string.
     */
    static Optional<String> commonName(String distinguishedName) {
        try {
            List<Object> names = new ArrayList<>();
            for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
                for (Attribute attribute : Collections.list(rdn.toAttributes().getAll())) {
                    if (attribute.getID().equalsIgnoreCase("CN")) {
                        for (Object value : Collections.list(attribute.getAll())) {
                            names.add(value);
                        }
                    }
                }
            }
            if (names.size() != 1 || !(names.getFirst() instanceof String cn)) {
                return Optional.empty();
            }
            return Optional.of(cn).filter(s -> !s.isEmpty());
        } catch (NamingException e) {
            return Optional.empty();
        }
    }
}
