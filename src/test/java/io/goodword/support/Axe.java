package io.goodword.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine Lighthouse and the browsers' own audits use, injected into a page by Selenium.
 * The script comes from npm (`npm pack axe-core@4.14.1`, once, into target/) and is checked against the tarball's
 * SHA-256 before it is used; .ci/run installs npm where it is missing. Without npm the browser tests fail: they never
 * skip the audit.
 */
public final class Axe {
    static final String VERSION = "4.14.1";
    static final String TARBALL_SHA256 = "e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745";
    static final Path DIR = Path.of("target", "axe-core-" + VERSION);
    /** Runs axe on the whole document; answers the violations of serious or critical impact as short lines. */
    static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3)
                    .map(n => n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.split('\\n').slice(1, 2).join('').trim() + ')' : ''))
                    .join(' | ')))).catch(e => done(['axe failed: ' + e]));""";

    private static String script;

    private Axe() {}

    /** The serious and critical violations on the page the browser shows now (empty: none). */
    @SuppressWarnings("unchecked")
    public static List<String> violations(JavascriptExecutor page) {
        page.executeScript(script());
        Object out = page.executeAsyncScript(RUN);
        return out instanceof List<?> list ? new ArrayList<>((List<String>) list) : List.of("axe answered " + out);
    }

    static synchronized String script() {
        if (script == null) {
            try {
                Path js = DIR.resolve("package").resolve("axe.min.js");
                if (!Files.exists(js)) fetch();
                script = Files.readString(js, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static void fetch() throws IOException {
        Files.createDirectories(DIR);
        run(List.of("npm", "pack", "axe-core@" + VERSION, "--pack-destination", DIR.toAbsolutePath().toString()));
        Path tgz = DIR.resolve("axe-core-" + VERSION + ".tgz");
        String sha = sha256(Files.readAllBytes(tgz));
        if (!TARBALL_SHA256.equals(sha)) {
            Files.delete(tgz);
            throw new IllegalStateException("axe-core " + VERSION + " from npm has SHA-256 " + sha + ", expected " + TARBALL_SHA256);
        }
        run(List.of("tar", "-xzf", tgz.toAbsolutePath().toString(), "-C", DIR.toAbsolutePath().toString(), "package/axe.min.js"));
    }

    private static void run(List<String> command) throws IOException {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(Map.of("npm_config_update_notifier", "false", "npm_config_fund", "false"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (install npm: .ci/run does):\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run (install npm: .ci/run does)", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
