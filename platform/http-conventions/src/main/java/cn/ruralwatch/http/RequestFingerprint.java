package cn.ruralwatch.http;

/**
 * How {@link IdempotencyKeys} recognises the retry of a request: by a digest of its body. The default, a plain
 * SHA-256, suits bodies without personal data; a service whose bodies carry ID numbers provides a keyed digest, since a
 * plain one could be matched against a dictionary of possible numbers.
 */
public interface RequestFingerprint {

    /** The digest of the request body as canonical JSON. */
    String of(String canonicalJson);
}
