package io.goodword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size limits of issue 12, read from the sources so they hold themselves: a class a newcomer can read in one go
 * (at most 250 lines), a handler that only reads, validates, calls and answers (at most 25 lines, signature to
 * closing brace), and a template that fits on a screen or two (at most 80 lines). Past a limit, split along a seam
 * (a form record, a render helper, a fragment) rather than squeezing lines together.
 */
class SizeRulesTest {
    static final int MAX_CLASS_LINES = 250;
    static final int MAX_HANDLER_LINES = 25;
    static final int MAX_TEMPLATE_LINES = 80;

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("templates");

    @Test
    void no_main_class_is_over_250_lines() {
        List<String> offenders = new ArrayList<>();
        for (Path file : files(MAIN_JAVA, ".java")) {
            int lines = lines(file).size();
            if (lines > MAX_CLASS_LINES) offenders.add(lines + " " + MAIN_JAVA.relativize(file));
        }
        assertTrue(offenders.isEmpty(), "classes over " + MAX_CLASS_LINES + " lines:\n" + String.join("\n", offenders));
    }

    @Test
    void no_template_is_over_80_lines() {
        List<Path> templates = files(TEMPLATES, ".jte");
        assertTrue(templates.size() > 10, "no templates found under " + TEMPLATES.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        for (Path file : templates) {
            int lines = lines(file).size();
            if (lines > MAX_TEMPLATE_LINES) offenders.add(lines + " " + TEMPLATES.relativize(file));
        }
        assertTrue(offenders.isEmpty(),
                "templates over " + MAX_TEMPLATE_LINES + " lines:\n" + String.join("\n", offenders));
    }

    @Test
    void no_handler_is_over_25_lines() {
        List<String> offenders = new ArrayList<>();
        int handlers = 0;
        for (Path file : files(MAIN_JAVA, ".java")) {
            for (Method m : contextMethods(read(file))) {
                handlers++;
                if (m.lines() > MAX_HANDLER_LINES) {
                    offenders.add(m.lines() + " " + MAIN_JAVA.relativize(file) + ":" + m.line() + " " + m.name());
                }
            }
        }
        assertTrue(handlers > 100, "the scan found only " + handlers + " methods taking a Context");
        assertTrue(offenders.isEmpty(), "methods taking a Context over " + MAX_HANDLER_LINES + " lines:\n"
                + String.join("\n", offenders));
    }

    // ---------------------------------------------------------------- the scanner, pinned on tricky sources

    @Test
    void the_scanner_counts_from_the_signature_to_the_closing_brace_past_braces_in_literals_and_lambdas() {
        String source = """
                class X {
                    @Override
                    public void show(Context ctx,
                                     String s) throws Exception {
                        String a = "}}} { \\" }";
                        char c = '}';
                        char q = '\\'';
                        String block = \"""
                            } { }} \\\""" }
                            \""";
                        // a comment with a brace }
                        /* and another { */
                        list.forEach(x -> { if (x) { run(); } });
                        Runnable r = () -> {
                        };
                        new Object() { void inner(Context c) { } };
                    }

                    void notAHandler(String s) { if (s != null) { } }
                    record Row(Context ctx) { }
                    void last(io.javalin.http.Context ctx) { }
                }
                """;
        List<Method> found = contextMethods(source);
        assertEquals(List.of(new Method("show", 3, 15), new Method("inner", 16, 1), new Method("last", 21, 1)), found);
    }

    record Method(String name, int line, int lines) { }

    /**
     * Every method (or constructor) whose parameter list names {@code Context}, with the line of its name and its
     * length from that line to its closing brace. Comments and the contents of string, text-block and char literals
     * are blanked first (newlines kept), so a brace inside them counts for nothing; lambdas and anonymous classes
     * inside a method are plain nested braces.
     */
    static List<Method> contextMethods(String source) {
        String code = blankCommentsAndLiterals(source);
        List<Method> methods = new ArrayList<>();
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == ';' || ch == '}') headerStart = i + 1;
            if (ch != '{') continue;
            int start = headerStart;
            headerStart = i + 1;
            Matcher m = METHOD_HEADER.matcher(code.substring(start, i));
            if (!m.find() || NOT_METHODS.contains(m.group(1)) || !CONTEXT_PARAM.matcher(m.group(2)).find()) continue;
            int nameAt = start + m.start(1);
            if (code.substring(start, nameAt).matches("(?s).*\\b(new|record)\\s+")) continue; // anonymous class, record
            int first = lineOf(code, nameAt);
            methods.add(new Method(m.group(1), first, lineOf(code, matchingBrace(code, i)) - first + 1));
        }
        return methods;
    }

    private static final Pattern METHOD_HEADER = Pattern.compile(
            "(\\w+)\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\s*$");
    private static final Pattern CONTEXT_PARAM = Pattern.compile("\\bContext\\b");
    private static final List<String> NOT_METHODS = List.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "return");

    /** The index of the brace closing the one at {@code open} (the code has no comments or literals left). */
    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '{') depth++;
            else if (ch == '}' && --depth == 0) return i;
        }
        throw new IllegalStateException("unbalanced braces from offset " + open);
    }

    private static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (code.charAt(i) == '\n') line++;
        return line;
    }

    /** The source with comments and the insides of literals replaced by spaces; newlines stay where they were. */
    static String blankCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i = blank(out, s, i);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                int stop = end < 0 ? s.length() : end + 2;
                while (i < stop) i = blank(out, s, i);
            } else if (s.startsWith("\"\"\"", i)) {
                out.append("\"\"\"");
                i += 3;
                while (i < s.length() && !s.startsWith("\"\"\"", i)) {
                    if (s.charAt(i) == '\\') i = blank(out, s, i);
                    if (i < s.length()) i = blank(out, s, i);
                }
                out.append("\"\"\"");
                i += 3;
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\') i = blank(out, s, i);
                    if (i < s.length()) i = blank(out, s, i);
                }
                if (i < s.length() && s.charAt(i) == c) {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(StringBuilder out, String s, int i) {
        out.append(s.charAt(i) == '\n' ? '\n' : ' ');
        return i + 1;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
