package io.goodword.webhook;

import java.net.InetAddress;

/**
 * Which addresses a webhook may reach: only public unicast ones, judged on the resolved bytes (never on the text a
 * user typed, so {@code 2130706433}, {@code 0x7f.1} or {@code [::ffff:127.0.0.1]} are judged as the 127.0.0.1 they
 * resolve to). Refused: this host (loopback, any-local, 0/8), private networks (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10), site-local fec0::/10, carrier-grade NAT
 * 100.64/10, multicast, broadcast and the reserved 240/4, the IETF, documentation and benchmark ranges; an IPv6 form
 * that carries an IPv4 address (mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged
 * by that IPv4 address, and Teredo 2001::/32 (which tunnels to any IPv4 address) is refused.
 */
final class AddressRules {
    private AddressRules() {}

    /** Whether a webhook may connect to {@code address}. */
    static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? publicV4(b, 0) : publicV6(b);
    }

    private static boolean publicV4(byte[] b, int at) {
        int a0 = b[at] & 0xff, a1 = b[at + 1] & 0xff, a2 = b[at + 2] & 0xff;
        if (a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224) return false; // this network, private, loopback, multicast, 240/4, broadcast
        if (a0 == 100 && (a1 & 0xc0) == 64) return false; // 100.64/10 carrier-grade NAT
        if (a0 == 169 && a1 == 254) return false; // link-local, 169.254.169.254 metadata
        if (a0 == 172 && (a1 & 0xf0) == 16) return false; // 172.16/12
        if (a0 == 192 && a1 == 168) return false;
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) return false; // IETF protocol assignments, TEST-NET-1
        if (a0 == 198 && (a1 & 0xfe) == 18) return false; // 198.18/15 benchmarking
        if (a0 == 198 && a1 == 51 && a2 == 100) return false; // TEST-NET-2
        return !(a0 == 203 && a1 == 0 && a2 == 113); // TEST-NET-3
    }

    private static boolean publicV6(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) return publicV4(b, 12); // ::ffff:a.b.c.d
        if (zero(b, 0, 12)) return publicV4(b, 12); // ::a.b.c.d, and :: and ::1 (judged as 0.0.0.0 and 0.0.0.1)
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff), w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0x64 && w1 == 0xff9b && zero(b, 4, 12)) return publicV4(b, 12); // NAT64
        if (w0 == 0x2002) return publicV4(b, 2); // 6to4
        if (w0 == 0x2001 && (w1 == 0 || w1 == 0x0db8)) return false; // Teredo, documentation
        if ((w0 & 0xfe00) == 0xfc00) return false; // fc00::/7 unique local
        if ((w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) return false; // link-local, site-local
        return (w0 & 0xff00) != 0xff00; // multicast
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
