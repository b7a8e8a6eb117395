package cn.ruralwatch.http;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; every list in the suite is answered this way. */
public record Page<T>(
        @Schema(description = "本页条目") List<T> items,
        @Schema(description = "页码，从 0 开始", example = "0") int page,
        @Schema(description = "每页条数", example = "20") int size,
        @Schema(description = "符合条件的总条数", example = "135") long totalItems) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }
}
