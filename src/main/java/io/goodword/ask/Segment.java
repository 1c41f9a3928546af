package io.goodword.ask;

/** Net-promoter groups of the 0–10 "would you recommend" score. */
public enum Segment {
    PROMOTER, PASSIVE, DETRACTOR;

    public static Segment of(int score) {
        if (score >= 9) return PROMOTER;
        if (score >= 7) return PASSIVE;
        return DETRACTOR;
    }
}
