package io.goodword.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The visitor's address behind reverse proxies. {@code X-Forwarded-For} is read from the right: each proxy appends
 * the address it received the request from, so only the entries added by our own proxies can be believed; whatever
 * a client wrote on the left is ignored. The header counts only when the direct peer is itself a trusted proxy.
 */
public final class ClientIp {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientIp() {}

    /** An address range such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address. */
    public record Cidr(byte[] network, int bits) {
        public static Cidr parse(String text) {
            String s = text.strip();
            int slash = s.indexOf('/');
            InetAddress a = literal(slash < 0 ? s : s.substring(0, slash));
            if (a == null) throw new IllegalArgumentException("not an IP address or range: '" + text + "'");
            int max = a.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or range: '" + text + "'");
            }
            if (bits < 0 || bits > max) throw new IllegalArgumentException("not an IP address or range: '" + text + "'");
            return new Cidr(a.getAddress(), bits);
        }

        public boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) return false;
            }
            return true;
        }
    }

    /**
     * Which proxies to believe. {@code hops > 0}: that many proxies stand in front of the portal and the direct peer
     * must be on a loopback or private address; {@code cidrs}: exactly the proxies in these ranges. Neither: the
     * header is ignored.
     */
    public record Trust(int hops, List<Cidr> cidrs) {
        public static final Trust NONE = new Trust(0, List.of());

        public Trust {
            cidrs = List.copyOf(cidrs);
        }

        public boolean enabled() { return hops > 0 || !cidrs.isEmpty(); }

        /**
         * {@code TRUST_PROXY}: {@code false} (default), {@code true} (= 1 hop, as before), a number of hops, or a
         * comma-separated list of the proxies' addresses or ranges.
         */
        public static Trust parse(String raw) {
            if (raw == null || raw.isBlank()) return NONE;
            String v = raw.strip().toLowerCase(Locale.ROOT);
            switch (v) {
                case "false", "no", "0": return NONE;
                case "true", "yes": return new Trust(1, List.of());
                default: break;
            }
            if (v.chars().allMatch(Character::isDigit)) {
                int hops = v.length() > 2 ? 100 : Integer.parseInt(v);
                if (hops > 10) throw new IllegalArgumentException("at most 10 proxy hops, got " + raw.strip());
                return new Trust(hops, List.of());
            }
            List<Cidr> list = new ArrayList<>();
            for (String part : v.split(",")) if (!part.isBlank()) list.add(Cidr.parse(part));
            return new Trust(0, list);
        }

        boolean trusts(InetAddress a) {
            if (!cidrs.isEmpty()) return cidrs.stream().anyMatch(c -> c.contains(a));
            return isPrivate(a);
        }
    }

    /**
     * The client's address: the direct peer, unless it is a trusted proxy; then the right-most forwarded entry that
     * is not one of our proxies (or the entry {@code hops} places from the right).
     */
    public static String resolve(String peer, List<String> forwardedFor, Trust trust) {
        if (!trust.enabled() || forwardedFor == null || forwardedFor.isEmpty()) return peer;
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || !trust.trusts(peerAddress)) return peer;
        List<String> chain = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) if (!entry.isBlank()) chain.add(entry.strip());
        }
        String client = peer;
        int hop = 1; // the direct peer is the first proxy
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress a = literal(chain.get(i));
            if (a == null) return client; // garbage before our proxies' entries: believe no further
            client = a.getHostAddress();
            if (trust.hops() > 0 ? ++hop > trust.hops() : !trust.trusts(a)) return client;
        }
        return client; // every entry was one of our proxies: the left-most is the best we know
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) return true;
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    /** An IP literal, never a DNS lookup; null for anything else. */
    static InetAddress literal(String s) {
        if (s == null) return null;
        String v = s.strip();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
        if (!(IPV4.matcher(v).matches() || IPV6.matcher(v).matches())) return null;
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
