package cn.ruralwatch.personal;

import java.security.GeneralSecurityException;

/** JCA objects kept one per thread: looking them up in the providers costs more than using them. */
final class PerThread {

    /** Looks a JCA object up, e.g. {@code () -> Cipher.getInstance("AES/GCM/NoPadding")}. */
    interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private PerThread() {}

    /** One object per thread, each re-initialised by its user before every use. */
    static <T> ThreadLocal<T> of(String algorithm, Lookup<T> lookup) {
        return ThreadLocal.withInitial(() -> {
            try {
                return lookup.get();
            } catch (GeneralSecurityException e) {
                throw new PersonalDataException(algorithm + " is not available", e);
            }
        });
    }
}
