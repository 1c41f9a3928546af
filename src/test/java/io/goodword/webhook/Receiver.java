package io.goodword.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 that records every request and answers with the codes it is told (200 when none). */
final class Receiver implements AutoCloseable {
    record Hit(String path, Headers headers, String body) {
        String header(String name) { return headers.getFirst(name); }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Queue<Hit> hits = new ConcurrentLinkedQueue<>();
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.add(new Hit(ex.getRequestURI().getPath(), ex.getRequestHeaders(), body));
            Integer code = answers.poll();
            int status = code == null ? 200 : code;
            if (status / 100 == 3) ex.getResponseHeaders().add("Location", url("/moved"));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    /** What arrived since the last call. */
    List<Hit> take() {
        List<Hit> out = new ArrayList<>();
        for (Hit h; (h = hits.poll()) != null; ) out.add(h);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
