package cn.ruralwatch.report;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Excel workbooks as downloads: the media type and the answer that carries one. */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {}

    /** A workbook written while it is sent, saved as {@code fileName} (letters, digits, dots and hyphens). */
    public static Response download(StreamingOutput body, String fileName) {
        return Response.ok(body, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
