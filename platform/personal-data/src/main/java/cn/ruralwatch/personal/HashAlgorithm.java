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
                Mac mac = HMAC_SHA256_MAC.get();
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new PersonalDataException("HMAC-SHA256 failed", e);
            }
        }
    },
    HMAC_SM3("hmac-sm3") {
        @Override
        byte[] apply(byte[] key, byte[] input) {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(key));
            mac.update(input, 0, input.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }
    };

    private static final ThreadLocal<Mac> HMAC_SHA256_MAC =
            PerThread.of("HMAC-SHA256", () -> Mac.getInstance("HmacSHA256"));

    /** The name written into every hash. */
    final String tag;

    HashAlgorithm(String tag) {
        this.tag = tag;
    }

    abstract byte[] apply(byte[] key, byte[] input);
}
