package io.goodword.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HOME_SLUG: the freelancer's own domain shows their wall at {@code /}. A read of {@code /} is handed to the route of
 * {@code /p/{slug}} as if that path had been asked for (query kept), and a read of {@code /p/{slug}} itself answers
 * 301 to {@code /}, so search engines and visitors see one address for the wall. Every other path, the wall's own
 * sub-pages included ({@code /p/{slug}/t/12}, the review form, case studies), is left alone.
 *
 * <p>Done as a servlet filter, before Javalin matches routes, because Javalin has no internal forward and the wall's
 * cached rendering is keyed by the {@code {slug}} path parameter.
 */
public final class HomeRewrite implements Filter {
    private final String wallPath;

    public HomeRewrite(String homeSlug) { this.wallPath = SitePaths.wall(homeSlug); }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String uri = req.getRequestURI();
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (read && "/".equals(uri)) {
            chain.doFilter(new AsWall(req, wallPath), response);
        } else if (read && wallPath.equals(uri)) {
            HttpServletResponse res = (HttpServletResponse) response;
            String query = req.getQueryString();
            res.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            // the query as it arrived, kept only when it is printable ASCII (never CR/LF, spaces or control bytes)
            boolean keep = query != null && query.chars().allMatch(c -> c > 0x20 && c < 0x7f);
            res.setHeader("Location", keep ? "/?" + query : "/");
            res.setContentLength(0);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The request for {@code /}, seen by Javalin as one for the wall's path. */
    private static final class AsWall extends HttpServletRequestWrapper {
        private final String path;

        AsWall(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override public String getRequestURI() { return path; }

        @Override public String getServletPath() { return ""; }

        @Override public String getPathInfo() { return path; }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int root = url.indexOf("/", url.indexOf("//") + 2);
            if (root >= 0) url.setLength(root);
            return url.append(path);
        }
    }
}
