package io.goodword.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The one place a webhook's host becomes addresses, at save time and at every delivery: the HTTP client connects
 * through this resolver, so it connects to the very addresses that were checked, and a DNS answer that changes
 * between the check and the connection (rebinding) is checked again rather than trusted. A host with any address
 * that is not public ({@link AddressRules}) is refused whole, unless {@code WEBHOOKS_ALLOW_PRIVATE} lets a
 * self-hoster reach their own network (multicast stays refused even then: it is never one receiver).
 */
final class SafeResolver implements DnsResolver {
    static final int MAX_URL = 1000;

    /** Thrown for a host that resolves to an address a webhook may not reach. */
    static final class Refused extends UnknownHostException {
        Refused(String host) { super("refused: " + host + " resolves to a non-public address"); }
    }

    private final boolean allowPrivate;

    SafeResolver(boolean allowPrivate) { this.allowPrivate = allowPrivate; }

    /**
     * Why a typed URL cannot be a webhook (a message key), or null: only http(s), a host, no user name or password,
     * at most {@link #MAX_URL} characters; then every address of the host must be allowed.
     */
    String problem(String url) {
        String host = host(url);
        if (host == null) return url.length() > MAX_URL ? "webhook.error.urlLength" : "webhook.error.url";
        try {
            resolve(host);
            return null;
        } catch (Refused r) {
            return "webhook.error.private";
        } catch (UnknownHostException | RuntimeException e) {
            return "webhook.error.unknownHost";
        }
    }

    /** The host of a syntactically acceptable webhook URL (brackets of an IPv6 literal removed), or null. */
    static String host(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL) return null;
        URI u;
        try {
            u = new URI(url);
        } catch (Exception e) {
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return null;
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawAuthority() == null
                || u.getRawAuthority().contains("@")) return null;
        String host = u.getHost();
        // 0177.0.0.1: octal (127.0.0.1) to curl and browsers, decimal to Java. Whichever we connect to is the one we
        // checked, but a number that reads two ways is refused rather than guessed at.
        if (numberReadTwoWays(host)) return null;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Every dot-separated part a number, and one of them octal-looking (0177) or hexadecimal (0x7f). */
    private static boolean numberReadTwoWays(String host) {
        boolean twoWays = false;
        for (String part : host.split("\\.", -1)) {
            if (!part.matches("(?i)0x[0-9a-f]*|[0-9]+")) return false;
            if (part.length() > 1 && part.charAt(0) == '0') twoWays = true;
        }
        return twoWays;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] all = InetAddress.getAllByName(host);
        for (InetAddress a : all) {
            if (a.isMulticastAddress() || !allowPrivate && !AddressRules.isPublic(a)) throw new Refused(host);
        }
        return all;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getHostAddress(); // never a second lookup (reverse DNS could name anything)
    }
}
