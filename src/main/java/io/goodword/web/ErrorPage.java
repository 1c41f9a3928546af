package io.goodword.web;

/**
 * A friendly error page: what happened (message keys) and the request id to quote when reporting it; inside the
 * admin layout for a signed-in freelancer on an admin address, the site layout elsewhere.
 */
public record ErrorPage(Shell shell, int status, String headingKey, String bodyKey, String requestId, boolean admin) {}
