package io.goodword.casestudy;

/** One headline figure of a case study, e.g. "Leads per month" → "+38%". */
public record KeyResult(String label, String value) {}
