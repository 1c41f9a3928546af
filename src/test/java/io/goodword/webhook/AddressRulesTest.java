package io.goodword.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSRF rules on resolved bytes, and the URL checks of a new endpoint (literals only: this machine has no DNS). */
class AddressRulesTest {
    private final SafeResolver strict = new SafeResolver(false);

    private static boolean isPublic(String literal) throws Exception {
        return AddressRules.isPublic(InetAddress.getByName(literal));
    }

    @Test
    void every_local_private_reserved_and_tunnelled_form_is_refused() throws Exception {
        for (String a : List.of("127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255",
                "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255", "169.254.169.254", "169.254.0.1",
                "100.64.0.1", "100.127.255.255", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",
                "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
                "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "2001:db8::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "::10.0.0.1",
                "::ffff:7f00:1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2")) {
            assertThat(isPublic(a)).as(a).isFalse();
        }
    }

    @Test
    void public_addresses_pass() throws Exception {
        for (String a : List.of("93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
                "172.32.0.1", "192.167.1.1", "169.253.1.1", "11.0.0.1", "223.255.255.254", "2606:4700:4700::1111",
                "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(isPublic(a)).as(a).isTrue();
        }
    }

    @Test
    void urls_of_the_wrong_kind_or_naming_a_local_address_in_any_spelling_are_refused() {
        assertThat(strict.problem("ftp://x")).isEqualTo("webhook.error.url");
        assertThat(strict.problem("garbage")).isEqualTo("webhook.error.url");
        assertThat(strict.problem("javascript:alert(1)")).isEqualTo("webhook.error.url");
        assertThat(strict.problem("http://user:pw@8.8.8.8/")).isEqualTo("webhook.error.url");
        assertThat(strict.problem("http://8.8.8.8@127.0.0.1/")).isEqualTo("webhook.error.url");
        assertThat(strict.problem("https://8.8.8.8/" + "a".repeat(3000))).isEqualTo("webhook.error.urlLength");
        for (String url : List.of("http://127.0.0.1/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://[::ffff:127.0.0.1]/", "http://[::1]:8080/", "http://2130706433/",
                "HTTP://[fe80::1]/", "https://[fd00::1]/x")) {
            assertThat(strict.problem(url)).as(url).isEqualTo("webhook.error.private");
        }
        // java.net.URI reads no host in the first three (a last label that starts with a digit must be an IPv4
        // number): malformed before any lookup; the resolver reads no hexadecimal number as an address
        for (String url : List.of("http://0x7f.1/", "http://0x7f.0.0.1/", "http://127.0.0.1.nip.io.0/", "http://0x7f000001/",
                "http://0177.0.0.1/", "http://010.0.0.1/", "http://127.1/", "http://0/")) {
            assertThat(strict.problem(url)).as(url).isIn("webhook.error.url", "webhook.error.private", "webhook.error.unknownHost");
        }
        assertThat(strict.problem("http://0177.0.0.1/")).as("Java reads it as 177.0.0.1; curl as 127.0.0.1").isEqualTo("webhook.error.url");
        assertThat(strict.problem("https://8.8.8.8/hook?x=1")).isNull();
        assertThat(strict.problem("http://[2606:4700:4700::1111]:8443/hook")).isNull();
    }

    @Test
    void allowing_private_addresses_lets_a_lan_through_but_never_multicast() {
        SafeResolver lan = new SafeResolver(true);
        assertThat(lan.problem("http://127.0.0.1:8080/")).isNull();
        assertThat(lan.problem("http://192.168.1.20/hook")).isNull();
        assertThat(lan.problem("http://224.0.0.1/")).isEqualTo("webhook.error.private");
        assertThat(lan.problem("ftp://192.168.1.20/")).isEqualTo("webhook.error.url");
    }

    @Test
    void the_signature_is_stripes_scheme() {
        // HMAC-SHA256("secret", "1700000000.{}") computed independently (openssl dgst -sha256 -hmac secret)
        assertThat(Signature.header("secret", 1700000000L, "{}"))
                .isEqualTo("t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
    }
}
