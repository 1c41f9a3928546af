package io.goodword.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the forms of a rendered page the way a browser does and posts them back with hostile values. Nothing about a
 * form is hard-coded: hidden inputs (CSRF token, fill-time stamp, whatever the guard adds) are sent as rendered,
 * honeypots (inside aria-hidden or with tabindex=-1) are left as rendered, every other field can carry a hostile value.
 */
public final class HostileForms {
    private HostileForms() {}

    public enum Kind { TEXT, HIDDEN, HONEYPOT, CHOICE, FILE, BUTTON }

    public record Field(String name, Kind kind, String value, List<String> options) {}

    public record Form(String action, boolean multipart, List<Field> fields) {
        public List<Field> of(Kind kind) { return fields.stream().filter(f -> f.kind() == kind).toList(); }
    }

    /** Every POST form of the page, with its action resolved against {@code pagePath}. */
    public static List<Form> forms(Document page, String pagePath) {
        List<Form> out = new ArrayList<>();
        for (Element form : page.select("form")) {
            if (!"post".equalsIgnoreCase(form.attr("method"))) continue;
            String action = form.attr("action");
            if (action.isEmpty()) action = pagePath;
            boolean multipart = form.attr("enctype").toLowerCase(Locale.ROOT).contains("multipart");
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Element el : form.select("input[name], textarea[name], select[name], button[name]")) {
                String name = el.attr("name");
                String type = el.tagName().equals("input") ? el.attr("type").toLowerCase(Locale.ROOT) : el.tagName();
                boolean honeypot = el.hasAttr("tabindex") && el.attr("tabindex").equals("-1")
                        || el.parents().stream().anyMatch(p -> "true".equals(p.attr("aria-hidden")));
                Field f;
                if (honeypot && !type.equals("hidden")) {
                    f = new Field(name, Kind.HONEYPOT, el.val(), List.of());
                } else if (type.equals("hidden")) {
                    f = new Field(name, Kind.HIDDEN, el.val(), List.of());
                } else if (type.equals("file")) {
                    f = new Field(name, Kind.FILE, "", List.of());
                } else if (type.equals("select")) {
                    List<String> opts = el.select("option").eachAttr("value");
                    String selected = el.select("option[selected]").isEmpty() ? (opts.isEmpty() ? "" : opts.get(0)) : el.select("option[selected]").val();
                    f = new Field(name, Kind.CHOICE, selected, opts);
                } else if (type.equals("submit") || el.tagName().equals("button") && !el.attr("type").equalsIgnoreCase("button")
                        && !el.attr("type").equalsIgnoreCase("reset")) {
                    // a browser sends only the button that was clicked: one of them is chosen per post (see fill)
                    String v = el.val();
                    Field prev = fields.get(name);
                    List<String> opts = new ArrayList<>(prev == null ? List.of() : prev.options());
                    opts.add(v);
                    fields.put(name, new Field(name, Kind.BUTTON, opts.get(0), List.copyOf(opts)));
                    continue;
                } else if (type.equals("checkbox") || type.equals("radio")) {
                    if (fields.containsKey(name)) {
                        Field prev = fields.get(name);
                        List<String> opts = new ArrayList<>(prev.options());
                        opts.add(el.val().isEmpty() ? "on" : el.val());
                        fields.put(name, new Field(name, Kind.CHOICE, prev.value(), opts));
                        continue;
                    }
                    String v = el.val().isEmpty() ? "on" : el.val();
                    f = new Field(name, Kind.CHOICE, v, List.of(v));
                } else {
                    f = new Field(name, Kind.TEXT, el.val(), List.of());
                }
                fields.putIfAbsent(name, f);
            }
            out.add(new Form(action, multipart, List.copyOf(fields.values())));
        }
        return out;
    }

    /** A filled form: field → bytes, file field → file. */
    public record Filled(Map<String, byte[]> values, Map<String, Hostile.File> files) {}

    /**
     * Fills the form: text fields take hostile values in turn (starting at {@code next}); choices keep a rendered option
     * except every fifth post, where they get a hostile value too; hidden fields keep their value except {@code _csrf}
     * never changes and every seventh post puts a hostile value in the others.
     */
    public static Filled fill(Form form, List<Hostile.Value> values, int[] next, int round, List<Hostile.File> files) {
        Map<String, byte[]> v = new LinkedHashMap<>();
        Map<String, Hostile.File> f = new LinkedHashMap<>();
        // Named submit buttons: the one clicked is sent, the others not (so "skip" is not sent with every post); every
        // so often no named button at all (Enter in a field, or an unnamed button).
        List<String[]> buttons = new ArrayList<>();
        for (Field field : form.of(Kind.BUTTON)) for (String o : field.options()) buttons.add(new String[] {field.name(), o});
        if (!buttons.isEmpty()) {
            int pick = round % (buttons.size() + 1);
            if (pick < buttons.size()) {
                String value = round % 5 == 4 ? null : buttons.get(pick)[1];
                v.put(buttons.get(pick)[0], value == null ? values.get(next[0]++ % values.size()).bytes() : value.getBytes(StandardCharsets.UTF_8));
            }
        }
        for (Field field : form.fields()) {
            if (field.kind() == Kind.BUTTON) continue;
            byte[] bytes = switch (field.kind()) {
                case TEXT -> values.get(next[0]++ % values.size()).bytes();
                case HONEYPOT -> field.value().getBytes(StandardCharsets.UTF_8);
                case HIDDEN -> !field.name().equals("_csrf") && round % 7 == 6
                        ? values.get(next[0]++ % values.size()).bytes() : field.value().getBytes(StandardCharsets.UTF_8);
                case CHOICE -> round % 5 == 4 || field.options().isEmpty() ? values.get(next[0]++ % values.size()).bytes()
                        : field.options().get(round % field.options().size()).getBytes(StandardCharsets.UTF_8);
                case FILE, BUTTON -> null;
            };
            if (field.kind() == Kind.FILE) {
                if (!files.isEmpty()) f.put(field.name(), files.get(round % files.size()));
            } else {
                v.put(field.name(), bytes);
            }
        }
        return new Filled(v, f);
    }

    /** Posts a filled form as a browser would (urlencoded, or multipart when the form says so or carries a file). */
    public static Http.Response post(Http http, String action, boolean multipart, Filled filled) {
        HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(action));
        if (multipart || !filled.files().isEmpty()) {
            String boundary = "----hostile" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            filled.values().forEach((k, val) -> {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(val);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            filled.files().forEach((k, file) -> {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\"" + file.filename()
                        + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(file.bytes());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        } else {
            StringBuilder body = new StringBuilder();
            filled.values().forEach((k, val) -> {
                if (body.length() > 0) body.append('&');
                body.append(percent(k.getBytes(StandardCharsets.UTF_8))).append('=').append(percent(val));
            });
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return http.send(b);
    }

    /** Percent-encodes raw bytes (invalid UTF-8 stays invalid on the wire). */
    static String percent(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte x : bytes) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /**
     * What in a rendered page could only come from unescaped input: the marker tag or attribute, event-handler
     * attributes, inline scripts (other than JSON-LD), frames, objects, base and meta-refresh tags, script URLs.
     * The portal's own pages have none of these (strict CSP), so any hit is an injection.
     */
    public static List<String> injected(Document page) {
        List<String> hits = new ArrayList<>();
        for (Element el : page.getAllElements()) {
            String tag = el.tagName().toLowerCase(Locale.ROOT);
            if (tag.startsWith("gw-")) hits.add("marker element <" + tag + ">");
            if (List.of("iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "xss").contains(tag)
                    && !ours(el)) {
                hits.add("element <" + tag + ">");
            }
            if (tag.equals("meta") && el.hasAttr("http-equiv")) hits.add("meta http-equiv=" + el.attr("http-equiv"));
            if (tag.equals("script") && !el.hasAttr("src") && !"application/ld+json".equals(el.attr("type"))) {
                hits.add("inline script: " + abbreviate(el.data()));
            }
            el.attributes().forEach(a -> {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals(Hostile.MARKER_ATTR)) hits.add("attribute " + name + " on <" + tag + ">");
                if (List.of("href", "src", "action", "formaction", "xlink:href", "data").contains(name)) {
                    String v = a.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                    if (v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:text/html")) {
                        hits.add(name + "=" + abbreviate(a.getValue()) + " on <" + tag + ">");
                    }
                }
            });
        }
        return hits;
    }

    /**
     * The portal's own frames and drawings: the dashboard's charts (an svg labelled as an image by its title and
     * description) and the widget builder's preview of the embed page.
     */
    private static boolean ours(Element el) {
        if (el.tagName().equalsIgnoreCase("svg")) return "img".equals(el.attr("role")) && el.hasAttr("aria-labelledby");
        if (el.tagName().equalsIgnoreCase("iframe")) return el.hasClass("embed-preview") && el.attr("src").startsWith("/embed/");
        return false;
    }

    private static String abbreviate(String s) { return s.length() > 80 ? s.substring(0, 80) + "…" : s; }
}
