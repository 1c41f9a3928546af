package io.goodword.growth;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The figure cards of the dashboard: a count, a percentage, NPS and rating, each against the previous period, their
 * numbers in the reader's language.
 */
record DashboardCards(Locale locale) {

    Card count(String id, String key, long now, long before) {
        return Card.of(id, key, now, before, Format.count(now, locale), Format.count(before, locale), "", locale);
    }

    Card pct(String id, String key, Integer now, Integer before) {
        if (now == null || before == null) {
            return new Card(id, key, Format.percent(now, locale), Format.percent(before, locale), Format.NONE, Card.Trend.SAME);
        }
        return Card.of(id, key, now, before, Format.percent(now, locale), Format.percent(before, locale), " pp", locale);
    }

    Card npsCard(AskFiguresDao.Nps n, AskFiguresDao.Nps n0) {
        Integer now = Format.nps(n);
        Integer before = Format.nps(n0);
        String v = now == null ? Format.NONE : String.valueOf(now);
        String b = before == null ? Format.NONE : String.valueOf(before);
        if (now == null || before == null) return new Card("nps", "growth.card.nps", v, b, Format.NONE, Card.Trend.SAME);
        return Card.of("nps", "growth.card.nps", now, before, v, b, "", locale);
    }

    Card ratingCard(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return new Card("rating", "growth.card.rating", Format.rating(now, locale), Format.rating(before, locale), Format.NONE, Card.Trend.SAME);
        }
        double a = now.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
        double b = before.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
        return Card.of("rating", "growth.card.rating", a, b, Format.rating(now, locale), Format.rating(before, locale), "", locale);
    }
}
