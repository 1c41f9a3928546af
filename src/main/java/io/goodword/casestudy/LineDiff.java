package io.goodword.casestudy;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) of two texts: enough to show a client which sentences of a case
 * study changed since they last saw it. Texts are short (a few hundred lines), so the quadratic table is fine.
 */
public final class LineDiff {
    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {
        public boolean added() { return kind == Kind.ADDED; }

        public boolean removed() { return kind == Kind.REMOVED; }

        public String cssClass() { return "diff-" + kind.name().toLowerCase(java.util.Locale.ROOT); }

        public String marker() { return kind == Kind.ADDED ? "+" : kind == Kind.REMOVED ? "−" : " "; }
    }

    private static final int MAX_LINES = 2000;

    private LineDiff() {}

    public static List<Line> diff(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        if (a.length > MAX_LINES || b.length > MAX_LINES) { // degenerate input: show everything as replaced
            List<Line> out = new ArrayList<>();
            for (String s : a) out.add(new Line(Kind.REMOVED, s));
            for (String s : b) out.add(new Line(Kind.ADDED, s));
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) out.add(new Line(Kind.REMOVED, a[i++]));
        while (j < b.length) out.add(new Line(Kind.ADDED, b[j++]));
        return out;
    }

    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }

    private static String[] lines(String s) {
        if (s == null || s.isEmpty()) return new String[0];
        return s.replace("\r\n", "\n").split("\n", -1);
    }
}
