package io.goodword.growth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Money in the workspace's locale, one amount per currency, the workspace's own currency first; an empty sum is
 * shown as zero in the workspace's currency.
 */
final record DashboardMoney(String home, Locale locale) {
    List<String> order() { return List.of(home); }

    List<String> sorted(java.util.Collection<String> currencies) {
        List<String> l = new ArrayList<>(new TreeSet<>(currencies));
        l.sort(java.util.Comparator.comparing((String c) -> !c.equals(home)));
        return l;
    }

    String format(BigDecimal v, String currency) { return Format.money(v, currency, locale); }

    String list(Map<String, BigDecimal> byCurrency, boolean zeroInHome) {
        Map<String, BigDecimal> m = new TreeMap<>(byCurrency);
        if (m.isEmpty()) return format(BigDecimal.ZERO, home);
        return sorted(m.keySet()).stream().map(c -> format(m.get(c), c)).collect(Collectors.joining(" · "));
    }

    /** A money card: each currency's sum, and each currency's change against the previous period. */
    Card card(String id, String key, Map<String, BigDecimal> now, Map<String, BigDecimal> before) {
        Set<String> all = new TreeSet<>(now.keySet());
        all.addAll(before.keySet());
        List<String> changes = new ArrayList<>();
        int up = 0;
        int down = 0;
        for (String c : sorted(all)) {
            BigDecimal a = now.getOrDefault(c, BigDecimal.ZERO);
            BigDecimal b = before.getOrDefault(c, BigDecimal.ZERO);
            int cmp = a.compareTo(b);
            if (cmp > 0) up++;
            if (cmp < 0) down++;
            if (cmp != 0) changes.add((cmp > 0 ? "+" : "−") + format(a.subtract(b).abs(), c));
        }
        Card.Trend trend = up > 0 && down == 0 ? Card.Trend.UP : down > 0 && up == 0 ? Card.Trend.DOWN : Card.Trend.SAME;
        return new Card(id, key, list(now, true), list(before, true), changes.isEmpty() ? "±0" : String.join(", ", changes), trend);
    }
}
