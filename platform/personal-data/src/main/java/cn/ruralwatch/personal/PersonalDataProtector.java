package cn.ruralwatch.personal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encrypts personal numbers for storage and computes their look-up hashes.
 *
 * <p>A stored value reads {@code <cipher>:<key id>:<base64 of nonce, ciphertext and tag>}, e.g.
 * {@code aes256gcm:2026a:…} or {@code sm4gcm:2026a:…}; a look-up hash reads {@code <hash>:<key id>:<base64>}. New
 * values use the mode's algorithms and the configured encryption and look-up keys; older values stay readable as long
 * as their key is still in the key ring, until {@link Reencryption} moves them to the current key.
 */
public final class PersonalDataProtector {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();
    private static final int MIN_LOOKUP_KEY_BYTES = 32;
    /** Marks values a migration found in plain text ({@code plain::<value>}), pending their first encryption. */
    private static final String LEGACY_PLAINTEXT = "plain";

    private final CryptoMode mode;
    private final Map<String, byte[]> keys;
    private final String encryptionKey;
    private final String lookupKey;
    private final SecureRandom random = new SecureRandom();

    private PersonalDataProtector(CryptoMode mode, Map<String, byte[]> keys, String encryptionKey, String lookupKey) {
        this.mode = mode;
        this.keys = keys;
        this.encryptionKey = encryptionKey;
        this.lookupKey = lookupKey;
    }

    /**
     * @param mode algorithms for new values
     * @param keyRing entries {@code <key id>:<base64 secret>}; every key that protected a stored value must stay here
     *     until re-encryption has moved its values to the current key
     * @param encryptionKey id of the key new values are encrypted with (32 bytes for AES-256, 16 bytes for SM4)
     * @param lookupKey id of the key of new look-up hashes (at least 32 bytes)
     * @throws PersonalDataException naming what is wrong with the configuration
     */
    public static PersonalDataProtector of(
            CryptoMode mode, List<String> keyRing, String encryptionKey, String lookupKey) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keyRing) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? entry : entry.substring(0, colon).trim();
            if (colon < 0 || !KEY_ID.matcher(id).matches()) {
                throw new PersonalDataException(
                        "Key ring entries read <key id>:<base64 secret>, key ids [A-Za-z0-9_.-]{1,40}; one entry does not");
            }
            byte[] secret;
            try {
                secret = BASE64_DECODER.decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new PersonalDataException("Key " + id + " is not valid base64");
            }
            if (keys.put(id, secret) != null) {
                throw new PersonalDataException("Key " + id + " appears twice in the key ring");
            }
        }
        byte[] encryption = keys.get(encryptionKey);
        if (encryption == null) {
            throw new PersonalDataException("Encryption key " + encryptionKey + " is not in the key ring");
        }
        if (encryption.length != mode.cipher.keyBytes) {
            throw new PersonalDataException("Encryption key " + encryptionKey + " has " + encryption.length
                    + " bytes; " + mode.cipher.tag + " needs " + mode.cipher.keyBytes
                    + " (openssl rand -base64 " + mode.cipher.keyBytes + ")");
        }
        byte[] lookup = keys.get(lookupKey);
        if (lookup == null) {
            throw new PersonalDataException("Look-up key " + lookupKey + " is not in the key ring");
        }
        if (lookup.length < MIN_LOOKUP_KEY_BYTES) {
            throw new PersonalDataException(
                    "Look-up key " + lookupKey + " has " + lookup.length + " bytes; at least 32 are needed");
        }
        return new PersonalDataProtector(mode, keys, encryptionKey, lookupKey);
    }

    public CryptoMode mode() {
        return mode;
    }

    /** The stored form of a value; {@code null} stays {@code null}. */
    public String encrypt(PersonalDataKind kind, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[CipherAlgorithm.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = mode.cipher.apply(
                true, keys.get(encryptionKey), nonce, associatedData(kind), plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return currentCipherPrefix() + BASE64.encodeToString(out);
    }

    /** The value behind a stored form written by {@link #encrypt} under any key still in the key ring. */
    public String decrypt(PersonalDataKind kind, String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3) {
            throw new PersonalDataException("Stored value is not an encrypted personal number");
        }
        if (LEGACY_PLAINTEXT.equals(parts[0])) {
            // written before encryption at rest; re-encryption replaces it when the service starts
            return parts[2];
        }
        CipherAlgorithm algorithm = CipherAlgorithm.ofTag(parts[0]);
        byte[] key = keys.get(parts[1]);
        if (key == null) {
            throw new PersonalDataException(
                    "Value encrypted with key " + parts[1] + ", which is no longer in the key ring");
        }
        if (key.length != algorithm.keyBytes) {
            throw new PersonalDataException("Key " + parts[1] + " does not fit " + algorithm.tag);
        }
        byte[] in = BASE64_DECODER.decode(parts[2]);
        byte[] nonce = new byte[CipherAlgorithm.NONCE_BYTES];
        System.arraycopy(in, 0, nonce, 0, nonce.length);
        byte[] sealed = new byte[in.length - nonce.length];
        System.arraycopy(in, nonce.length, sealed, 0, sealed.length);
        return new String(algorithm.apply(false, key, nonce, associatedData(kind), sealed), StandardCharsets.UTF_8);
    }

    /**
     * Encrypts a piece of a document that holds personal data (a block of an uploaded file) under the current key,
     * bound to its kind and its place ({@code context}, e.g. the file and the block's number), so that blocks cannot be
     * swapped or moved to another file. The result begins with {@code <cipher>:<key id>:} like a stored value.
     */
    public byte[] seal(PersonalDataKind kind, String context, byte[] plaintext) {
        byte[] nonce = new byte[CipherAlgorithm.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = mode.cipher.apply(true, keys.get(encryptionKey), nonce, placed(kind, context), plaintext);
        byte[] header = currentCipherPrefix().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + nonce.length + sealed.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(nonce, 0, out, header.length, nonce.length);
        System.arraycopy(sealed, 0, out, header.length + nonce.length, sealed.length);
        return out;
    }

    /** The plaintext of a block written by {@link #seal} for the same kind and place, under any key in the ring. */
    public byte[] unseal(PersonalDataKind kind, String context, byte[] stored) {
        int first = indexOf(stored, 0);
        int second = first < 0 ? -1 : indexOf(stored, first + 1);
        if (second < 0) {
            throw new PersonalDataException("Stored block is not an encrypted document block");
        }
        CipherAlgorithm algorithm = CipherAlgorithm.ofTag(new String(stored, 0, first, StandardCharsets.US_ASCII));
        String keyId = new String(stored, first + 1, second - first - 1, StandardCharsets.US_ASCII);
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new PersonalDataException(
                    "Block encrypted with key " + keyId + ", which is no longer in the key ring");
        }
        int start = second + 1;
        byte[] nonce = java.util.Arrays.copyOfRange(stored, start, start + CipherAlgorithm.NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(stored, start + CipherAlgorithm.NONCE_BYTES, stored.length);
        return algorithm.apply(false, key, nonce, placed(kind, context), sealed);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < Math.min(bytes.length, from + 64); i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] placed(PersonalDataKind kind, String context) {
        return (kind.name() + "\u0000" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** The look-up hash of a value under the current algorithm and look-up key. */
    public String lookupHash(PersonalDataKind kind, String plaintext) {
        return hash(mode.hash, lookupKey, kind, plaintext);
    }

    /**
     * Every hash the value may be stored under while a rotation is in progress: the current one first, then those
     * under every other key in the ring and the other mode's algorithm. Exact look-ups search for all of them.
     */
    public List<String> lookupHashes(PersonalDataKind kind, String plaintext) {
        List<String> hashes = new ArrayList<>();
        hashes.add(lookupHash(kind, plaintext));
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            for (String keyId : keys.keySet()) {
                if ((algorithm != mode.hash || !keyId.equals(lookupKey))
                        && keys.get(keyId).length >= MIN_LOOKUP_KEY_BYTES) {
                    hashes.add(hash(algorithm, keyId, kind, plaintext));
                }
            }
        }
        return hashes;
    }

    /** How every value encrypted now begins: a stored value without it is due for re-encryption. */
    public String currentCipherPrefix() {
        return mode.cipher.tag + ":" + encryptionKey + ":";
    }

    /** How every look-up hash computed now begins. */
    public String currentHashPrefix() {
        return mode.hash.tag + ":" + lookupKey + ":";
    }

    /** The id of the key a stored value or hash was written with. */
    public static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    /**
     * A keyed digest of a document that may hold personal numbers (a request body kept to recognise its retry): under
     * the current look-up key, in a domain of its own, so that it reveals nothing a dictionary of ID numbers could
     * find.
     */
    public String documentDigest(String document) {
        return hash(mode.hash, lookupKey, "DOCUMENT".getBytes(StandardCharsets.US_ASCII), document);
    }

    private String hash(HashAlgorithm algorithm, String keyId, PersonalDataKind kind, String plaintext) {
        return hash(algorithm, keyId, associatedData(kind), plaintext);
    }

    private String hash(HashAlgorithm algorithm, String keyId, byte[] kindName, String plaintext) {
        byte[] value = plaintext.getBytes(StandardCharsets.UTF_8);
        // the kind separates domains: the same digits as a phone and as a bank account hash differently
        byte[] input = new byte[kindName.length + 1 + value.length];
        System.arraycopy(kindName, 0, input, 0, kindName.length);
        System.arraycopy(value, 0, input, kindName.length + 1, value.length);
        return algorithm.tag + ":" + keyId + ":" + BASE64.encodeToString(algorithm.apply(keys.get(keyId), input));
    }

    private static byte[] associatedData(PersonalDataKind kind) {
        return kind.name().getBytes(StandardCharsets.US_ASCII);
    }
}
