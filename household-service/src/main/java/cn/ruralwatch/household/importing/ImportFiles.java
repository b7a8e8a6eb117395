package cn.ruralwatch.household.importing;

import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The uploaded files of imports, kept only while their job needs them: compressed, cut into blocks of at most
 * {@value #BLOCK} bytes and each block encrypted like other personal data (the file names people by ID number), bound
 * to its file and place. Written and read block by block, so that neither the upload nor the import holds the file in
 * memory, whatever its size.
 */
@ApplicationScoped
public class ImportFiles {

    /** Bytes of compressed file per stored block. */
    static final int BLOCK = 1 << 20;

    @Inject
    Sql sql;

    @Inject
    PersonalDataProtector protector;

    /** Stores the file of an import in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(UUID importId, Path file) {
        deleteBlocks(importId);
        try (OutputStream blocks = new BlockWriter(importId);
                OutputStream compressed = new GZIPOutputStream(blocks, 1 << 16)) {
            Files.copy(file, compressed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of an import as it was uploaded, read block by block as the caller reads on. */
    public InputStream open(UUID importId) throws IOException {
        return new GZIPInputStream(new BlockReader(importId), 1 << 16);
    }

    /** Deletes the file of an import (its job ended, whichever way). */
    public void delete(UUID importId) {
        QuarkusTransaction.requiringNew().run(() -> deleteBlocks(importId));
    }

    private void deleteBlocks(UUID importId) {
        sql.query("delete from household_import_file_block where import_id = :import")
                .bind("import", importId)
                .execute();
    }

    private String place(UUID importId, int block) {
        return "household-import/" + importId + "/" + block;
    }

    /** Collects the compressed file into blocks and stores each, encrypted, as it fills. */
    private final class BlockWriter extends OutputStream {
        private final UUID importId;
        private final byte[] buffer = new byte[BLOCK];
        private int filled;
        private int block;

        BlockWriter(UUID importId) {
            this.importId = importId;
        }

        @Override
        public void write(int b) {
            buffer[filled++] = (byte) b;
            if (filled == BLOCK) {
                flushBlock();
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, BLOCK - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == BLOCK) {
                    flushBlock();
                }
            }
        }

        @Override
        public void close() {
            if (filled > 0) {
                flushBlock();
            }
        }

        private void flushBlock() {
            byte[] plain = java.util.Arrays.copyOf(buffer, filled);
            sql.query("insert into household_import_file_block (import_id, block, content)"
                            + " values (:import, :block, :content)")
                    .bind("import", importId)
                    .bind("block", block)
                    .bind("content", protector.seal(PersonalDataKind.DOCUMENT, place(importId, block), plain))
                    .execute();
            block++;
            filled = 0;
        }
    }

    /** Reads the blocks one after the other, each in a short transaction of its own. */
    private final class BlockReader extends InputStream {
        private final UUID importId;
        private int next;
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);
        private boolean ended;

        BlockReader(UUID importId) {
            this.importId = importId;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (current.available() == 0) {
                if (ended || !load()) {
                    ended = true;
                    return -1;
                }
            }
            return current.read(bytes, offset, length);
        }

        private boolean load() {
            int block = next;
            Optional<byte[]> content = QuarkusTransaction.requiringNew().call(() -> sql.query(
                            "select content from household_import_file_block where import_id = :import and block = :block")
                    .bind("import", importId)
                    .bind("block", block)
                    .value(byte[].class));
            if (content.isEmpty()) {
                return false;
            }
            current = new ByteArrayInputStream(
                    protector.unseal(PersonalDataKind.DOCUMENT, place(importId, block), content.get()));
            next++;
            return true;
        }
    }
}
