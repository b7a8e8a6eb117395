package cn.ruralwatch.personal;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** Authenticated encryption with a 96-bit nonce and a 128-bit tag. */
public enum CipherAlgorithm {
    AES_256_GCM("aes256gcm", 32) {
        @Override
        byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData, byte[] input) {
            try {
                Cipher cipher = AES_GCM.get();
                cipher.init(
                        encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                        new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData);
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new PersonalDataException(
                        "AES-256-GCM " + (encrypt ? "encryption" : "decryption") + " failed", e);
            }
        }
    },
    SM4_GCM("sm4gcm", 16) {
        @Override
        byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData, byte[] input) {
            GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
            byte[] output = new byte[gcm.getOutputSize(input.length)];
            int length = gcm.processBytes(input, 0, input.length, output, 0);
            try {
                gcm.doFinal(output, length);
            } catch (InvalidCipherTextException e) {
                throw new PersonalDataException("SM4-GCM decryption failed", e);
            }
            return output;
        }
    };

    private static final ThreadLocal<Cipher> AES_GCM =
            PerThread.of("AES-256-GCM", () -> Cipher.getInstance("AES/GCM/NoPadding"));

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    /** The name written into every ciphertext. */
    final String tag;
    /** Key length in bytes. */
    final int keyBytes;

    CipherAlgorithm(String tag, int keyBytes) {
        this.tag = tag;
        this.keyBytes = keyBytes;
    }

    abstract byte[] apply(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData, byte[] input);

    static CipherAlgorithm ofTag(String tag) {
        for (CipherAlgorithm algorithm : values()) {
            if (algorithm.tag.equals(tag)) {
                return algorithm;
            }
        }
        throw new PersonalDataException("Unknown cipher in stored value: " + tag);
    }
}
