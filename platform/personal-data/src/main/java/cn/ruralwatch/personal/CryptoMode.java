package cn.ruralwatch.personal;

/**
 * Which algorithms protect new values: internationally standard ones, or the Chinese national (商用密码) ones that
 * 等保/密评 deployments require. Values written under one mode stay readable under the other as long as their keys are
 * configured; re-encryption moves them to the current mode.
 */
public enum CryptoMode {
    /** AES-256-GCM and HMAC-SHA256. */
    STANDARD(CipherAlgorithm.AES_256_GCM, HashAlgorithm.HMAC_SHA256),
    /** SM4-GCM and HMAC-SM3 (GB/T 32907, GB/T 32905), through Bouncy Castle. */
    SM(CipherAlgorithm.SM4_GCM, HashAlgorithm.HMAC_SM3);

    final CipherAlgorithm cipher;
    final HashAlgorithm hash;

    CryptoMode(CipherAlgorithm cipher, HashAlgorithm hash) {
        this.cipher = cipher;
        this.hash = hash;
    }

    public CipherAlgorithm cipher() {
        return cipher;
    }

    public HashAlgorithm hash() {
        return hash;
    }
}
