package cn.ruralwatch.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How report-service names a file it hands out: the same {@code Content-Disposition} for every download. */
public final class Downloads {

    private Downloads() {}

    /**
     * {@code attachment} with the name twice (RFC 6266): in ASCII for old clients (other characters as {@code _}), and
     * in full, URL-encoded UTF-8, for every browser and Office ("程海源户一户一册.docx").
     */
    public static String contentDisposition(String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
                + encoded;
    }
}
