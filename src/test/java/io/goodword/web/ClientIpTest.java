package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goodword.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientIpTest {
    private static ClientIp.Trust trust(String v) { return ClientIp.Trust.parse(v); }

    @Test
    void a_spoofed_left_most_entry_is_ignored_behind_one_proxy() {
        // nginx's $proxy_add_x_forwarded_for appends the real peer to whatever the client sent.
        assertThat(ClientIp.resolve("127.0.0.1", List.of("6.6.6.6, 203.0.113.7"), trust("1"))).isEqualTo("203.0.113.7");
        assertThat(ClientIp.resolve("127.0.0.1", List.of("6.6.6.6", "203.0.113.7"), trust("true"))).isEqualTo("203.0.113.7");
    }

    @Test
    void two_hops_skip_the_outer_proxy_entry() {
        assertThat(ClientIp.resolve("10.0.0.2", List.of("6.6.6.6, 198.51.100.9, 10.0.0.1"), trust("2"))).isEqualTo("198.51.100.9");
        // fewer entries than hops: the left-most is the best we know
        assertThat(ClientIp.resolve("10.0.0.2", List.of("198.51.100.9"), trust("3"))).isEqualTo("198.51.100.9");
    }

    @Test
    void a_header_from_a_peer_that_is_not_a_trusted_proxy_is_ignored() {
        assertThat(ClientIp.resolve("198.51.100.1", List.of("203.0.113.7"), trust("1"))).isEqualTo("198.51.100.1");
        assertThat(ClientIp.resolve("10.0.0.5", List.of("203.0.113.7"), trust("192.168.0.0/16"))).isEqualTo("10.0.0.5");
        assertThat(ClientIp.resolve("127.0.0.1", List.of("203.0.113.7"), trust("false"))).isEqualTo("127.0.0.1");
    }

    @Test
    void with_a_list_of_proxies_the_right_most_address_that_is_not_one_of_them_is_the_client() {
        ClientIp.Trust t = trust("10.0.0.0/8, 2001:db8::/32");
        assertThat(ClientIp.resolve("10.1.2.3", List.of("6.6.6.6, 203.0.113.7, 2001:db8::1, 10.9.9.9"), t)).isEqualTo("203.0.113.7");
        assertThat(ClientIp.resolve("10.1.2.3", List.of("10.2.2.2"), t)).isEqualTo("10.2.2.2");
    }

    @Test
    void garbage_in_the_header_is_never_taken_as_an_address() {
        assertThat(ClientIp.resolve("127.0.0.1", List.of("evil.example, not-an-ip"), trust("2"))).isEqualTo("127.0.0.1");
        assertThat(ClientIp.resolve("127.0.0.1", List.of("x, 203.0.113.7"), trust("3"))).isEqualTo("203.0.113.7");
    }

    @Test
    void trust_proxy_accepts_a_hop_count_or_ranges_and_names_the_variable_when_wrong() {
        assertThat(trust("true").hops()).isEqualTo(1);
        assertThat(trust("2").hops()).isEqualTo(2);
        assertThat(trust(null).enabled()).isFalse();
        assertThat(trust("::1, 172.16.0.0/12").cidrs()).hasSize(2);
        assertThatThrownBy(() -> Config.fromEnv(Map.of("TRUST_PROXY", "proxy.example.com")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("TRUST_PROXY");
        assertThatThrownBy(() -> Config.fromEnv(Map.of("TRUST_PROXY", "10.0.0.0/33")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("TRUST_PROXY");
    }
}
