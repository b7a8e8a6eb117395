package cn.ruralwatch.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body token by token and refuses, naming the field, what a lenient parser lets through: a key twice in
 * one object (the last would silently win), anything after the first value, and text PostgreSQL cannot store or that
 * is not text at all (NUL, unpaired UTF-16 surrogates) — in values and in keys alike, whatever type the value is bound
 * to later.
 *
 * <p>Every way of advancing goes through {@link #nextToken()}: the shortcuts Jackson's deserializers use ({@code
 * nextFieldName}, {@code nextTextValue}…) and {@link #skipChildren()} are defined on top of it, so no token escapes the
 * checks.
 */
final class StrictJsonParser extends JsonParserDelegate {

    private final Deque<Set<String>> objectKeys = new ArrayDeque<>();
    private boolean rootValueRead;

    StrictJsonParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token;
        try {
            token = delegate.nextToken();
        } catch (StreamReadException malformed) {
            if (rootValueRead) {
                throw trailing();
            }
            throw malformed;
        }
        if (token == null) {
            return null;
        }
        if (rootValueRead) {
            throw trailing();
        }
        switch (token) {
            case START_OBJECT -> objectKeys.push(new HashSet<>());
            case END_OBJECT -> objectKeys.poll();
            case FIELD_NAME -> {
                String name = delegate.currentName();
                checkText(name);
                Set<String> keys = objectKeys.peek();
                if (keys != null && !keys.add(name)) {
                    throw new InvalidJsonInput(
                            this,
                            InvalidJsonInput.violation(
                                    path(delegate.getParsingContext()),
                                    "DUPLICATE_FIELD",
                                    "problem.json.duplicate-field",
                                    printable(name)));
                }
            }
            case VALUE_STRING -> checkText(delegate.getText());
            default -> {}
        }
        if (delegate.getParsingContext().inRoot()) {
            rootValueRead = true;
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString expected) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && expected.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        JsonToken token = nextToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        return token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken token = nextToken();
            if (token == null) {
                return this;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void checkText(String text) throws InvalidJsonInput {
        Violation violation = StorableText.violation(path(delegate.getParsingContext()), text, false);
        if (violation != null) {
            throw new InvalidJsonInput(this, violation);
        }
    }

    private InvalidJsonInput trailing() {
        JsonLocation location = delegate.currentTokenLocation();
        return new InvalidJsonInput(
                this,
                InvalidJsonInput.violation(
                        "",
                        "TRAILING_TOKENS",
                        "problem.json.trailing-tokens",
                        location.getLineNr(),
                        location.getColumnNr()));
    }

    /** The field a parsing context stands at, as problems name fields: {@code members[1].idNumber}. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                String name = c.getCurrentName();
                parts.addFirst(name == null ? "" : "." + printable(name));
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** A key as it can be shown back: control characters and lone surrogates as {@code \\uXXXX}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairedAt(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean pairedAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
