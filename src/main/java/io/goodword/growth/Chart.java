package io.goodword.growth;

import io.goodword.web.Localizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server for an accessible inline SVG: a title and a description for screen readers,
 * bars and labels with their coordinates, and the same numbers as a table. No script, no chart library; prints as is.
 */
public record Chart(String id, String title, String description, int width, int height, double baseline,
                    List<Bar> bars, List<Label> labels, List<String> series, Table table) {

    public record Bar(double x, double y, double w, double h, String cls, String text) {}

    public record Label(double x, double y, String text, String cls) {}

    public record Table(List<String> headers, List<List<String>> rows) {}

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final double TOP = 24;
    private static final double BOTTOM = 36;
    private static final double SIDE = 8;

    /**
     * Groups of bars (one bar per series in each group) on a shared scale [min, max]; a null value draws no bar.
     * {@code shown[g][s]} is the printed value; the table has one row per group.
     */
    static Chart grouped(String id, String title, String description, List<String> groups, List<String> series,
                         Double[][] values, String[][] shown, double min, double max, List<String> headers) {
        double plot = HEIGHT - TOP - BOTTOM;
        double zeroY = TOP + plot * (max / (max - min));
        double groupW = (WIDTH - 2 * SIDE) / Math.max(1, groups.size());
        double barW = Math.min(56, (groupW - 12) / Math.max(1, series.size()));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            double gx = SIDE + g * groupW;
            double start = gx + (groupW - barW * series.size()) / 2;
            List<String> row = new ArrayList<>();
            row.add(groups.get(g));
            for (int s = 0; s < series.size(); s++) {
                Double v = values[g][s];
                row.add(shown[g][s]);
                if (v == null) continue;
                double clamped = Math.max(min, Math.min(max, v));
                double y = TOP + plot * ((max - Math.max(0, clamped)) / (max - min));
                double h = Math.abs(plot * clamped / (max - min));
                double x = start + s * barW;
                bars.add(new Bar(round(x + 1), round(clamped >= 0 ? y : zeroY), round(barW - 2), round(Math.max(h, 1)),
                        "bar s" + s, series.get(s) + ", " + groups.get(g) + ": " + shown[g][s]));
                double ty = clamped >= 0 ? y - 4 : zeroY + h + 12;
                labels.add(new Label(round(x + barW / 2), round(ty), shown[g][s], "value"));
            }
            labels.add(new Label(round(gx + groupW / 2), HEIGHT - 12, groups.get(g), "group"));
            rows.add(row);
        }
        return new Chart(id, title, description, WIDTH, HEIGHT, round(zeroY), bars, labels, series,
                new Table(headers, rows));
    }

    /** Steps as bars on one scale, each with its conversion from the step before. */
    static Chart funnel(String id, String title, Localizer t, List<String> steps, long[] counts) {
        long max = 1;
        for (long c : counts) max = Math.max(max, c);
        Double[][] values = new Double[steps.size()][1];
        String[][] shown = new String[steps.size()][1];
        List<List<String>> rows = new ArrayList<>();
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            values[i][0] = (double) counts[i];
            shown[i][0] = Format.count(counts[i], t.locale());
            String conversion = i == 0 ? Format.NONE : Format.percent(Format.rate(counts[i], counts[i - 1]), t.locale());
            rows.add(List.of(steps.get(i), shown[i][0], conversion));
            desc.append(i == 0 ? "" : "; ").append(steps.get(i)).append(": ").append(shown[i][0])
                    .append(i == 0 ? "" : " (" + conversion + ")");
        }
        Chart c = grouped(id, title, desc.toString(), steps, List.of(title), values, shown, 0, max,
                List.of(t.text("growth.table.step"), t.text("growth.table.count"), t.text("growth.table.conversion")));
        return new Chart(c.id(), c.title(), c.description(), c.width(), c.height(), c.baseline(), c.bars(), c.labels(),
                c.series(), new Chart.Table(c.table().headers(), rows));
    }

    private static double round(double v) { return Math.round(v * 10) / 10.0; }

    public String viewBox() { return "0 0 " + width + " " + height; }

    public String titleId() { return id + "-title"; }

    public String descId() { return id + "-desc"; }

    public double right() { return width - SIDE; }

    public double left() { return SIDE; }
}
