package io.goodword.web;

/** A friendly error page: what happened (message keys) and the request id to quote when reporting it. */
public record ErrorPage(Shell shell, int status, String headingKey, String bodyKey, String requestId) {}
