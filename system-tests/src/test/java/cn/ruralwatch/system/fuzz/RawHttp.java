package cn.ruralwatch.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request. The fuzzer needs to send what a well-behaved client library
 * refuses to: malformed percent-escapes, invalid UTF-8, request lines and headers beyond the server's limits.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** A request as bytes on the wire: the target is sent exactly as given (already percent-encoded or not). */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        Request {
            headers = List.copyOf(headers);
        }

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(target, 300) + (text.isEmpty() ? "" : " body " + abbreviate(text, 600));
        }
    }

    /** What came back; {@code status} 0 when the server closed the connection without an answer. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response send(Request request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(
                    (request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            head.writeBytes(("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.UTF_8));
            head.writeBytes("Connection: close\r\n".getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> header : request.headers()) {
                head.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            byte[] body = request.body();
            boolean chunked =
                    request.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding"));
            if (body != null && !chunked) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            try {
                out.write(head.toByteArray());
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException closedWhileSending) {
                // a server that refuses a request early (413, 431) may close before the body is sent; its answer, if
                // any, is still in the socket
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Response(0, Map.of(), all);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = unchunk(rest);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            rest = java.util.Arrays.copyOf(rest, Math.min(length, rest.length));
        }
        return new Response(status, headers, rest);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), position);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            position = start + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text, int max) {
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + text.length() + " chars)";
    }

    static List<Map.Entry<String, String>> headers(String... namesAndValues) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return headers;
    }
}
