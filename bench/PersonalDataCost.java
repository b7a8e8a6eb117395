import cn.ruralwatch.personal.CryptoMode;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The personal-data work of one household registration, in both modes, same JVM: a household of 4 members with phone
 * and bank account takes 6 encryptions, 4 look-up hashes to store and the candidate hashes of the duplicate check
 * (with a key ring of 3 keys), and a full read takes 6 decryptions. Single thread, after warm-up.
 *
 *   bench/registration-throughput.sh runs it; by hand:
 *   java -cp platform/personal-data/target/classes:$HOME/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.82/bcprov-jdk18on-1.82.jar bench/PersonalDataCost.java
 */
public class PersonalDataCost {

    static final List<String> IDS =
            List.of("45042219700312123X", "450422197201051246", "450422200506201235", "450422201003041248");

    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        List<String> ring = List.of("aes:" + key(random, 32), "sm4:" + key(random, 16), "lookup:" + key(random, 32));
        for (CryptoMode mode : CryptoMode.values()) {
            PersonalDataProtector p =
                    PersonalDataProtector.of(mode, ring, mode == CryptoMode.SM ? "sm4" : "aes", "lookup");
            String[] stored = new String[6];
            Runnable register = () -> {
                for (int i = 0; i < 4; i++) {
                    stored[i] = p.encrypt(PersonalDataKind.ID_NUMBER, IDS.get(i));
                    p.lookupHash(PersonalDataKind.ID_NUMBER, IDS.get(i));
                    p.lookupHashes(PersonalDataKind.ID_NUMBER, IDS.get(i));
                }
                stored[4] = p.encrypt(PersonalDataKind.PHONE, "13877105678");
                stored[5] = p.encrypt(PersonalDataKind.BANK_ACCOUNT, "6228480012345678901");
            };
            Runnable read = () -> {
                for (int i = 0; i < 4; i++) {
                    p.decrypt(PersonalDataKind.ID_NUMBER, stored[i]);
                }
                p.decrypt(PersonalDataKind.PHONE, stored[4]);
                p.decrypt(PersonalDataKind.BANK_ACCOUNT, stored[5]);
            };
            measure(register, 20_000);
            measure(read, 20_000);
            double registerMicros = measure(register, 50_000);
            double readMicros = measure(read, 50_000);
            System.out.printf(
                    "%-8s %-10s registration %7.1f µs   full read %7.1f µs   (one core: %,.0f registrations/s of crypto)%n",
                    mode, mode.cipher(), registerMicros, readMicros, 1_000_000 / registerMicros);
        }
    }

    static double measure(Runnable work, int iterations) {
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1000.0 / iterations;
    }

    static String key(SecureRandom random, int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
