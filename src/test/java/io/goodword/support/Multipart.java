package io.goodword.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body for upload tests. */
public final class Multipart {
    public record FilePart(String filename, String contentType, byte[] bytes) {}

    private final String boundary = "----goodword" + UUID.randomUUID().toString().replace("-", "");
    private final byte[] bytes;

    public Multipart(Map<String, String> fields, Map<String, FilePart> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        files.forEach((k, f) -> {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\"" + f.filename()
                    + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n");
            out.writeBytes(f.bytes());
            write(out, "\r\n");
        });
        write(out, "--" + boundary + "--\r\n");
        this.bytes = out.toByteArray();
    }

    public String contentType() { return "multipart/form-data; boundary=" + boundary; }

    public byte[] bytes() { return bytes; }

    private static void write(ByteArrayOutputStream out, String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }
}
