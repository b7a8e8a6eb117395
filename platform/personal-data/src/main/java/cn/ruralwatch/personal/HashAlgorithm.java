package cn.ruralwatch.personal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Keyed hashes for exact look-ups: equal values give equal hashes, and without the key nobody can compute them. */
public enum HashAlgorithm {
    HMAC_SHA256("hmac-sha256") {
        @Override
        byte[] apply(byte[] key, byte[] input) {
            try {
                Keyed<Mac> keyed = HMAC_SHA256_MAC.get();
                if (keyed.key != key) {
                    keyed.key = null; // not keyed while init has not completed
                    keyed.mac.init(new SecretKeySpec(key, "HmacSHA256"));
                    keyed.key = key;
                }
                // doFinal leaves the MAC keyed as before, ready for the next value
                return keyed.mac.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new PersonalDataException("HMAC-SHA256 failed", e);
            }
        }
    },
    HMAC_SM3("hmac-sm3") {
        @Override
        byte[] apply(byte[] key, byte[] input) {
            Keyed<HMac> keyed = HMAC_SM3_MAC.get();
            if (keyed.key != key) {
                keyed.key = null;
                keyed.mac.init(new KeyParameter(key));
                keyed.key = key;
            }
            HMac mac = keyed.mac;
            mac.update(input, 0, input.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }
    };

    /**
     * A MAC of a thread with the key it was last given: a look-up hashes every ID number of a file or a chunk with the
     * same key, and keying a MAC (the key padded and compressed twice) cost as much as hashing one ID number. Only the
     * last key is kept: the key ring's arrays, not copies.
     */
    private static final class Keyed<T> {
        final T mac;
        byte[] key;

        Keyed(T mac) {
            this.mac = mac;
        }
    }

    private static final ThreadLocal<Keyed<Mac>> HMAC_SHA256_MAC =
            PerThread.of("HMAC-SHA256", () -> new Keyed<>(Mac.getInstance("HmacSHA256")));

    private static final ThreadLocal<Keyed<HMac>> HMAC_SM3_MAC =
            ThreadLocal.withInitial(() -> new Keyed<>(new HMac(new SM3Digest())));

    /** The name written into every hash. */
    final String tag;

    HashAlgorithm(String tag) {
        this.tag = tag;
    }

    abstract byte[] apply(byte[] key, byte[] input);
}
