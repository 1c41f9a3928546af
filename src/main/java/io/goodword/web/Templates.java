package io.goodword.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import io.goodword.Config;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The JTE engine: hot reload from {@code templates/} in dev, precompiled classes (built by Maven) in prod. */
public final class Templates {
    private Templates() {}

    public static TemplateEngine create(Config config) {
        Path dir = Path.of("templates");
        if (config.appEnv() == Config.AppEnv.DEV && Files.isDirectory(dir)) {
            TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(dir),
                    Path.of("target", "jte-classes"), ContentType.Html, Templates.class.getClassLoader());
            // Under `mvn exec:java` the JVM class path is Maven's own; compile templates against the app's.
            List<String> classPath = applicationClassPath();
            if (!classPath.isEmpty()) engine.setClassPath(classPath);
            LoggerFactory.getLogger(Templates.class).info("Templates hot-reload from {}", dir.toAbsolutePath());
            return engine;
        }
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    private static List<String> applicationClassPath() {
        List<String> entries = new ArrayList<>();
        ClassLoader cl = Templates.class.getClassLoader();
        while (cl != null) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (Exception ignored) {
                        // not a file URL: not needed for compiling templates
                    }
                }
            }
            cl = cl.getParent();
        }
        if (!entries.isEmpty()) {
            for (String p : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!p.isBlank()) entries.add(p);
            }
        }
        return entries;
    }
}
