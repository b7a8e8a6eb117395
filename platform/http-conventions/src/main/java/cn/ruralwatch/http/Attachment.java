package cn.ruralwatch.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Metadata of a document kept in the county's document store (the suite keeps the reference, not the file). Services that
 * take attachments define the {@code ruralwatch.sha256} validation message.
 */
@Schema(name = "Attachment", description = "附件元数据（文件本身保存在档案系统中，这里只记录引用）")
public record Attachment(
        @Schema(description = "文件名", example = "入户核实表.pdf") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "文件类型", example = "application/pdf") @NotBlank @Size(max = 100)
        String contentType,

        @Schema(description = "字节数", example = "183224") @Min(0) @Max(1_073_741_824)
        long size,

        @Schema(
                description = "SHA-256（十六进制）",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        @Pattern(regexp = "[0-9a-f]{64}", message = "{ruralwatch.sha256}")
        String sha256,

        @Schema(description = "档案系统中的引用（编号或地址）", example = "DA-2026-000123") @NotBlank @Size(max = 500)
        String reference) {}
