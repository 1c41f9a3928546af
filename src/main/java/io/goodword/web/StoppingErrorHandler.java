package io.goodword.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors, raised before a request reaches the portal: in practice the 503 its graceful stop gives a
 * request that arrives while the server shuts down. The visitor's form was not looked at, so it is safe to send again
 * (the form's idempotency key makes a repeat harmless): {@code Retry-After} says when, and no stack or server name
 * is shown.
 */
final class StoppingErrorHandler extends ErrorHandler {
    StoppingErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE && !response.isCommitted()) {
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
        }
        super.handle(target, baseRequest, request, response);
    }
}
