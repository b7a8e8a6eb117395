package cn.ruralwatch.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonalDataProtectorTest {

    private static final String AES_2025 = "aes-2025:" + secret(32, 1);
    private static final String AES_2026 = "aes-2026:" + secret(32, 2);
    private static final String SM4_2026 = "sm4-2026:" + secret(16, 3);
    private static final String LOOKUP_2025 = "lookup-2025:" + secret(32, 4);
    private static final String LOOKUP_2026 = "lookup-2026:" + secret(32, 5);
    private static final List<String> RING = List.of(AES_2025, AES_2026, SM4_2026, LOOKUP_2025, LOOKUP_2026);

    private static final String ID_NUMBER = "45042219900101123X";

    static PersonalDataProtector protector(CryptoMode mode) {
        return PersonalDataProtector.of(mode, RING, mode == CryptoMode.SM ? "sm4-2026" : "aes-2026", "lookup-2026");
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void encryptsWithNonceAndKeyIdAndDecryptsBack(CryptoMode mode) {
        PersonalDataProtector protector = protector(mode);
        String first = protector.encrypt(PersonalDataKind.ID_NUMBER, ID_NUMBER);
        String second = protector.encrypt(PersonalDataKind.ID_NUMBER, ID_NUMBER);

        assertTrue(first.startsWith(mode == CryptoMode.SM ? "sm4gcm:sm4-2026:" : "aes256gcm:aes-2026:"), first);
        assertFalse(first.contains(ID_NUMBER));
        assertNotEquals(first, second, "a fresh nonce per value");
        assertEquals(mode == CryptoMode.SM ? "sm4-2026" : "aes-2026", PersonalDataProtector.keyIdOf(first));
        assertEquals(ID_NUMBER, protector.decrypt(PersonalDataKind.ID_NUMBER, first));
        assertEquals(ID_NUMBER, protector.decrypt(PersonalDataKind.ID_NUMBER, second));
        assertEquals(null, protector.encrypt(PersonalDataKind.PHONE, null));
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void refusesAlteredValuesAndValuesOfAnotherKind(CryptoMode mode) {
        PersonalDataProtector protector = protector(mode);
        String stored = protector.encrypt(PersonalDataKind.BANK_ACCOUNT, "6228480012345678901");
        byte[] raw = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String altered = stored.substring(0, stored.lastIndexOf(':') + 1)
                + Base64.getEncoder().withoutPadding().encodeToString(raw);

        assertThrows(PersonalDataException.class, () -> protector.decrypt(PersonalDataKind.BANK_ACCOUNT, altered));
        assertThrows(PersonalDataException.class, () -> protector.decrypt(PersonalDataKind.PHONE, stored));
    }

    @ParameterizedTest
    @EnumSource(CryptoMode.class)
    void lookUpHashesAreStablePerKindAndKeyed(CryptoMode mode) {
        PersonalDataProtector protector = protector(mode);
        String hash = protector.lookupHash(PersonalDataKind.ID_NUMBER, ID_NUMBER);

        assertEquals(hash, protector.lookupHash(PersonalDataKind.ID_NUMBER, ID_NUMBER));
        assertTrue(hash.startsWith(mode == CryptoMode.SM ? "hmac-sm3:lookup-2026:" : "hmac-sha256:lookup-2026:"));
        assertNotEquals(hash, protector.lookupHash(PersonalDataKind.PHONE, ID_NUMBER));
        PersonalDataProtector otherKey =
                PersonalDataProtector.of(mode, RING, mode == CryptoMode.SM ? "sm4-2026" : "aes-2026", "lookup-2025");
        assertNotEquals(hash, otherKey.lookupHash(PersonalDataKind.ID_NUMBER, ID_NUMBER));
    }

    @Test
    void aHashDoesNotDependOnWhatTheThreadHashedBefore() throws Exception {
        // each MAC stays keyed on its thread for the next value: values, kinds, keys and algorithms taken in turns
        // must hash as they do on a thread that never hashed anything
        List<PersonalDataProtector> protectors = List.of(
                protector(CryptoMode.STANDARD),
                protector(CryptoMode.SM),
                PersonalDataProtector.of(CryptoMode.SM, RING, "sm4-2026", "lookup-2025"),
                PersonalDataProtector.of(CryptoMode.STANDARD, RING, "aes-2026", "lookup-2025"));
        List<String> values = List.of(ID_NUMBER, "450422199001011234", "13877112345");
        List<String> inTurns = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                for (PersonalDataProtector protector : protectors) {
                    inTurns.add(protector.lookupHash(PersonalDataKind.ID_NUMBER, value));
                    inTurns.add(protector.lookupHash(PersonalDataKind.PHONE, value));
                    inTurns.addAll(protector.lookupHashes(PersonalDataKind.ID_NUMBER, value));
                }
            }
        }
        List<String> fresh = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                for (PersonalDataProtector protector : protectors) {
                    fresh.add(onANewThread(() -> protector.lookupHash(PersonalDataKind.ID_NUMBER, value)));
                    fresh.add(onANewThread(() -> protector.lookupHash(PersonalDataKind.PHONE, value)));
                    fresh.addAll(onANewThread(() -> protector.lookupHashes(PersonalDataKind.ID_NUMBER, value)));
                }
            }
        }
        assertEquals(fresh, inTurns);
        // the turns went through two keys and two algorithms: the four protectors hash a value four ways
        assertEquals(
                4,
                new HashSet<>(protectors.stream()
                                .map(p -> p.lookupHash(PersonalDataKind.ID_NUMBER, ID_NUMBER))
                                .toList())
                        .size());
    }

    private static <T> T onANewThread(Supplier<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task);
        thread.start();
        return task.get();
    }

    @Test
    void afterRotationOldValuesStayReadableAndFindable() {
        PersonalDataProtector before = PersonalDataProtector.of(CryptoMode.STANDARD, RING, "aes-2025", "lookup-2025");
        String stored = before.encrypt(PersonalDataKind.ID_NUMBER, ID_NUMBER);
        String storedHash = before.lookupHash(PersonalDataKind.ID_NUMBER, ID_NUMBER);

        // the county rotates to new keys and moves to the national algorithms in one step
        PersonalDataProtector after = protector(CryptoMode.SM);

        assertEquals(ID_NUMBER, after.decrypt(PersonalDataKind.ID_NUMBER, stored));
        assertFalse(stored.startsWith(after.currentCipherPrefix()), "due for re-encryption");
        assertTrue(after.lookupHashes(PersonalDataKind.ID_NUMBER, ID_NUMBER).contains(storedHash));
        assertEquals(
                after.lookupHash(PersonalDataKind.ID_NUMBER, ID_NUMBER),
                after.lookupHashes(PersonalDataKind.ID_NUMBER, ID_NUMBER).getFirst());
    }

    @Test
    void aRetiredKeyThatWasRemovedTooEarlyIsNamed() {
        String stored = PersonalDataProtector.of(CryptoMode.STANDARD, RING, "aes-2025", "lookup-2025")
                .encrypt(PersonalDataKind.PHONE, "13812345678");
        PersonalDataProtector withoutOldKey = PersonalDataProtector.of(
                CryptoMode.STANDARD, List.of(AES_2026, LOOKUP_2026), "aes-2026", "lookup-2026");

        PersonalDataException e =
                assertThrows(PersonalDataException.class, () -> withoutOldKey.decrypt(PersonalDataKind.PHONE, stored));
        assertTrue(e.getMessage().contains("aes-2025"), e.getMessage());
    }

    @Test
    void misconfiguredKeysAreRefusedWithTheReason() {
        assertMessage("needs 16", () -> PersonalDataProtector.of(CryptoMode.SM, RING, "aes-2026", "lookup-2026"));
        assertMessage("needs 32", () -> PersonalDataProtector.of(CryptoMode.STANDARD, RING, "sm4-2026", "lookup-2026"));
        assertMessage(
                "not in the key ring", () -> PersonalDataProtector.of(CryptoMode.STANDARD, RING, "x", "lookup-2026"));
        assertMessage("at least 32", () -> PersonalDataProtector.of(CryptoMode.STANDARD, RING, "aes-2026", "sm4-2026"));
        assertMessage(
                "twice",
                () -> PersonalDataProtector.of(
                        CryptoMode.STANDARD, List.of(AES_2026, AES_2026, LOOKUP_2026), "aes-2026", "lookup-2026"));
        assertMessage(
                "base64",
                () -> PersonalDataProtector.of(
                        CryptoMode.STANDARD, List.of("k:not base64!", LOOKUP_2026), "k", "lookup-2026"));
    }

    @Test
    void documentBlocksAreSealedToTheirPlaceAndOpenAfterARotation() {
        byte[] block = ("户编号,姓名,身份证号\n1,韦某强," + ID_NUMBER + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (CryptoMode mode : CryptoMode.values()) {
            String key = mode == CryptoMode.SM ? "sm4-2026" : "aes-2026";
            PersonalDataProtector protector = PersonalDataProtector.of(mode, RING, key, "lookup-2026");
            byte[] sealed = protector.seal(PersonalDataKind.DOCUMENT, "import-1/0", block);
            assertTrue(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .startsWith(protector.currentCipherPrefix()));
            assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains(ID_NUMBER));
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    block, protector.unseal(PersonalDataKind.DOCUMENT, "import-1/0", sealed));
            // a block moved to another place of the file, or to another file, does not open
            assertThrows(
                    RuntimeException.class, () -> protector.unseal(PersonalDataKind.DOCUMENT, "import-1/1", sealed));
            // readable under any key of the ring after the current key moved on
            PersonalDataProtector rotated =
                    PersonalDataProtector.of(CryptoMode.STANDARD, RING, "aes-2025", "lookup-2025");
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    block, rotated.unseal(PersonalDataKind.DOCUMENT, "import-1/0", sealed));
        }
    }

    @Test
    void masksAsOfficialDocumentsShowThem() {
        assertEquals("450422********123X", PersonalDataKind.ID_NUMBER.mask("45042219900101123X"));
        assertEquals("138****5678", PersonalDataKind.PHONE.mask("13812345678"));
        assertEquals("6228***********8901", PersonalDataKind.BANK_ACCOUNT.mask("6228480012345678901"));
        assertEquals("****78", PersonalDataKind.PHONE.mask("345678"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable executable) {
        PersonalDataException e = assertThrows(PersonalDataException.class, executable);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static String secret(int bytes, int seed) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
