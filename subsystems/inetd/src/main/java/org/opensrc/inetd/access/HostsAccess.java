package org.opensrc.inetd.access;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * TCP-wrappers access control ({@code hosts_access(5)}) from {@code hosts.allow} and {@code hosts.deny}: the first
 * matching rule of hosts.allow grants, else the first of hosts.deny denies, else access is granted. Rules are {@code
 * daemon_list : client_list [: option …]}; a trailing {@code allow}/{@code deny} option decides instead of the file.
 * Supported patterns: {@code ALL}, {@code EXCEPT}, addresses, {@code n.n.n.} prefixes, {@code addr/len}, {@code
 * addr/mask}, {@code [v6]/len}, {@code user@host} (the host part). Patterns that need name lookups ({@code .domain},
 * host names, {@code LOCAL}, {@code KNOWN}, {@code UNKNOWN}, {@code PARANOID}, {@code @netgroup}) never match: inetd
 * does no DNS.
 */
public final class HostsAccess {
    /** One rule: a daemon list, a client list, and whether a match grants. */
    record Rule(List<String> daemons, List<String> clients, boolean grants) {}

    private final List<Rule> allow;
    private final List<Rule> deny;

    HostsAccess(List<Rule> allow, List<Rule> deny) {
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    /** Everyone allowed: no files. */
    public static HostsAccess none() {
        return new HostsAccess(List.of(), List.of());
    }

    /** Reads {@code dir/hosts.allow} and {@code dir/hosts.deny}; missing files count as empty. */
    public static HostsAccess load(Path dir) throws IOException {
        return parse(read(dir.resolve("hosts.allow")), read(dir.resolve("hosts.deny")));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    public static HostsAccess parse(String allowText, String denyText) {
        return new HostsAccess(rules(allowText, true), rules(denyText, false));
    }

    private static List<Rule> rules(String text, boolean grants) {
        List<Rule> out = new ArrayList<>();
        String joined = text.replace("\\\n", " ");
        for (String raw : joined.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            if (parts.length < 2) {
                continue;
            }
            boolean g = grants;
            if (parts.length > 2) {
                String last = parts[parts.length - 1].strip().toLowerCase(Locale.ROOT);
                if (last.equals("allow")) {
                    g = true;
                } else if (last.equals("deny")) {
                    g = false;
                }
            }
            // an IPv6 client like [::1] contains colons: everything between the first and the option part
            String clients =
                    parts.length > 2 && isOption(parts[parts.length - 1])
                            ? String.join(":", Arrays.copyOfRange(parts, 1, parts.length - 1))
                            : String.join(":", Arrays.copyOfRange(parts, 1, parts.length));
            out.add(new Rule(tokens(parts[0]), tokens(clients), g));
        }
        return out;
    }

    private static boolean isOption(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.equals("allow")
                || t.equals("deny")
                || t.startsWith("spawn")
                || t.startsWith("twist")
                || t.startsWith("severity")
                || t.startsWith("setenv")
                || t.startsWith("banners");
    }

    private static List<String> tokens(String list) {
        return Arrays.stream(list.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The decision for a client of {@code daemon} (argv[0]'s basename or the service name). */
    public boolean permits(String daemon, InetAddress client) {
        for (Rule r : allow) {
            if (matches(r, daemon, client)) {
                return r.grants();
            }
        }
        for (Rule r : deny) {
            if (matches(r, daemon, client)) {
                return r.grants();
            }
        }
        return true;
    }

    private static boolean matches(Rule r, String daemon, InetAddress client) {
        return listMatches(r.daemons(), t -> daemonMatches(t, daemon))
                && listMatches(r.clients(), t -> clientMatches(t, client));
    }

    /** {@code a b EXCEPT c d}: a match in the part before EXCEPT and none in the part after. */
    private static boolean listMatches(List<String> tokens, Predicate<String> one) {
        int except = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("EXCEPT")) {
                except = i;
                break;
            }
        }
        List<String> head = except < 0 ? tokens : tokens.subList(0, except);
        if (head.stream().noneMatch(one)) {
            return false;
        }
        return except < 0 || !listMatches(tokens.subList(except + 1, tokens.size()), one);
    }

    private static boolean daemonMatches(String token, String daemon) {
        String t = token.contains("@") ? token.substring(0, token.indexOf('@')) : token;
        return t.equals("ALL") || t.equals(daemon);
    }

    private static boolean clientMatches(String token, InetAddress client) {
        String t = token.contains("@") ? token.substring(token.lastIndexOf('@') + 1) : token;
        if (t.equals("ALL")) {
            return true;
        }
        if (t.isEmpty() || t.startsWith(".") || t.startsWith("@")) {
            return false;
        }
        return AddressPattern.parse(t).map(p -> p.matches(client)).orElse(false);
    }
}
