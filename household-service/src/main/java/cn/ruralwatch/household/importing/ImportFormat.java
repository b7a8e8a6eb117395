package cn.ruralwatch.household.importing;

import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The file types an import takes, by the media type of the upload or the name of the file. */
@Schema(description = "导入文件格式")
public enum ImportFormat {
    CSV("text/csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static Optional<ImportFormat> of(String mediaType, String fileName) {
        String type = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (ImportFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return Optional.of(format);
            }
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (type.equals("application/octet-stream") || type.isEmpty()) {
            if (name.endsWith(".csv")) {
                return Optional.of(CSV);
            }
            if (name.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
        }
        return Optional.empty();
    }
}
