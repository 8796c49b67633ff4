package io.kinhealth.referral.memory;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.ledger.TransferKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal as an append-only byte log, indexed by entry id: every field of a {@link JournalEntry} (its request
 * with metadata, and the transfers as they took effect) encoded with ids, accounts and currencies as codes and
 * numbers as variable-length integers. A journal keeps every entry for good; as objects an entry with two transfers
 * is a dozen of them, which every young collection must copy until they reach the old generation, and which made
 * garbage collection the in-memory ledger's bottleneck. Entries are decoded back into equal objects when read.
 *
 * <p>Not thread-safe: the store calls it under its monitor.
 */
final class JournalLog {
  private static final TransferKind[] KINDS = TransferKind.values();
  private static final int DEBIT = 1;
  private static final int CREDIT = 2;
  private static final int AMOUNT = 4;
  private static final int HOLD = 8;
  private static final int EXPIRES = 16;
  /** Marks the recorded transfers as equal to the requested ones, the common case, which is then not repeated. */
  private static final int AS_REQUESTED = 0;
  private static final int RESOLVED = 1;

  /** The most bytes one transfer takes: kind, mask, two account codes, currency, amount, hold, expiry. */
  private static final int TRANSFER_BYTES = 2 + 5 + 5 + 5 + 10 + 5 + 10 + 5;
  /** Entries are written into chunks of this many bytes (a larger one for an entry that needs it). */
  private static final int CHUNK = 1 << 16;

  private final Codes codes;
  private byte[][] chunks = new byte[16][];
  private int chunk; // the chunk being written
  private byte[] out; // chunks[chunk]
  private int used; // bytes used in it
  /** Entry number → chunk << 32 | offset; includes rolled-back entries that were not the last. */
  private final LongRows offsets = new LongRows(1, 1 << 10);
  private int live;
  private int[] entryOfId = new int[1 << 10]; // id code → entry number + 1; 0 for none
  private byte[] in; // the chunk being read
  private int pos; // read cursor in it

  JournalLog(Codes codes) {
    this.codes = codes;
    out = chunks[0] = new byte[1 << 12]; // grows to a full chunk like LongRows' first chunk
  }

  /** How many entries the journal holds. */
  int size() {
    return live;
  }

  /** The entry number recorded under {@code id}, or -1. */
  int find(EntryId id) {
    int code = codes.ids.find(id.value());
    return code < 0 || code >= entryOfId.length ? -1 : entryOfId[code] - 1;
  }

  /** Appends {@code entry} (whose id must not be recorded yet) and returns its entry number. */
  int append(JournalEntry entry) {
    int idCode = codes.ids.intern(entry.id().value());
    if (idCode >= entryOfId.length) {
      entryOfId = Arrays.copyOf(entryOfId, Math.max(entryOfId.length * 2, idCode + 1));
    }
    EntryRequest request = entry.request();
    List<Transfer> requested = request.transfers();
    List<Transfer> resolved = entry.transfers();
    boolean asRequested = resolved == requested || resolved.equals(requested);
    Map<String, String> metadata = request.metadata();
    int bound = 32 + 10 + (requested.size() + (asRequested ? 0 : resolved.size())) * TRANSFER_BYTES;
    for (Map.Entry<String, String> m : metadata.entrySet()) {
      bound += 10 + 3 * (m.getKey().length() + m.getValue().length()); // UTF-8: at most 3 bytes a char
    }
    room(bound);
    int start = used;
    try {
      writeInt(idCode);
      writeLong(entry.postedAt().getEpochSecond());
      writeInt(entry.postedAt().getNano());
      writeInt(metadata.size());
      for (Map.Entry<String, String> m : metadata.entrySet()) {
        writeText(m.getKey());
        writeText(m.getValue());
      }
      writeTransfers(requested);
      if (asRequested) {
        out[used++] = AS_REQUESTED;
      } else {
        out[used++] = RESOLVED;
        writeTransfers(resolved);
      }
    } catch (RuntimeException | Error e) {
      used = start; // nothing half-written stays behind
      throw e;
    }
    int n = offsets.append();
    offsets.set(n, 0, (long) chunk << 32 | start);
    entryOfId[idCode] = n + 1;
    live++;
    return n;
  }

  /** Makes sure the chunk being written has {@code bytes} free, moving to (or growing into) a new one if not. */
  private void room(int bytes) {
    if (used + bytes <= out.length) {
      return;
    }
    if (chunk == 0 && out.length < CHUNK && used + bytes <= CHUNK) {
      out = chunks[0] = Arrays.copyOf(out, CHUNK); // the first chunk grows once, as a small journal needs little
      return;
    }
    if (++chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    out = chunks[chunk] = new byte[Math.max(CHUNK, bytes)];
    used = 0;
  }

  /** Takes entry {@code n} back out (a rollback); its bytes are reclaimed when it is the last. */
  void remove(int n) {
    long at = offsets.get(n, 0);
    seek(at);
    int idCode = readInt();
    if (entryOfId[idCode] == n + 1) {
      entryOfId[idCode] = 0;
      live--;
    }
    if (n == offsets.size() - 1) {
      offsets.truncate(n);
      if ((int) (at >>> 32) == chunk) {
        used = (int) at;
      }
    }
  }

  /** Entry {@code n} decoded; {@code id} is its id (the caller's instance is reused). */
  JournalEntry read(int n, EntryId id) {
    seek(offsets.get(n, 0));
    readInt(); // the id code
    Instant postedAt = Instant.ofEpochSecond(readLong(), readInt());
    int m = readInt();
    Map<String, String> metadata = Map.of();
    if (m > 0) {
      Map<String, String> read = new HashMap<>();
      for (int i = 0; i < m; i++) {
        read.put(readText(), readText());
      }
      metadata = read;
    }
    List<Transfer> requested = readTransfers();
    EntryRequest request = new EntryRequest(id, requested, metadata);
    List<Transfer> resolved = in[pos++] == AS_REQUESTED ? request.transfers() : readTransfers();
    return new JournalEntry(id, postedAt, request, resolved);
  }

  private void seek(long at) {
    in = chunks[(int) (at >>> 32)];
    pos = (int) at;
  }

  // --- encoding (into room already made) ------------------------------------------------------------------------

  private void writeTransfers(List<Transfer> transfers) {
    writeInt(transfers.size());
    for (int i = 0; i < transfers.size(); i++) {
      writeTransfer(transfers.get(i));
    }
  }

  private void writeTransfer(Transfer t) {
    int mask = (t.debit() != null ? DEBIT : 0) | (t.credit() != null ? CREDIT : 0) | (t.amount() != null ? AMOUNT : 0)
        | (t.hold() != null ? HOLD : 0) | (t.expiresAt() != null ? EXPIRES : 0);
    out[used++] = (byte) t.kind().ordinal();
    out[used++] = (byte) mask;
    if (t.debit() != null) {
      writeInt(codes.slot(t.debit()).code);
    }
    if (t.credit() != null) {
      writeInt(codes.slot(t.credit()).code);
    }
    if (t.amount() != null) {
      writeInt(codes.currency(t.amount().currency()));
      writeLong(t.amount().minor());
    }
    if (t.hold() != null) {
      writeInt(codes.ids.intern(t.hold().value()));
    }
    if (t.expiresAt() != null) {
      writeLong(t.expiresAt().getEpochSecond());
      writeInt(t.expiresAt().getNano());
    }
  }

  private void writeText(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeInt(b.length);
    System.arraycopy(b, 0, out, used, b.length);
    used += b.length;
  }

  /** Unsigned LEB128 of the zig-zagged value (so small negatives stay short too). */
  private void writeLong(long v) {
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      out[used++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    out[used++] = (byte) z;
  }

  private void writeInt(int v) {
    writeLong(v);
  }

  // --- decoding --------------------------------------------------------------------------------------------------

  private List<Transfer> readTransfers() {
    int n = readInt();
    Transfer[] out = new Transfer[n];
    for (int i = 0; i < n; i++) {
      out[i] = readTransfer();
    }
    return List.of(out);
  }

  private Transfer readTransfer() {
    TransferKind kind = KINDS[in[pos++]];
    int mask = in[pos++];
    var debit = (mask & DEBIT) != 0 ? codes.account(readInt()) : null;
    var credit = (mask & CREDIT) != 0 ? codes.account(readInt()) : null;
    Money amount = null;
    if ((mask & AMOUNT) != 0) {
      var currency = codes.currency(readInt());
      amount = Money.ofMinor(readLong(), currency);
    }
    HoldId hold = (mask & HOLD) != 0 ? HoldId.of(codes.ids.value(readInt())) : null;
    Instant expiresAt = (mask & EXPIRES) != 0 ? Instant.ofEpochSecond(readLong(), readInt()) : null;
    return new Transfer(kind, debit, credit, amount, hold, expiresAt);
  }

  private String readText() {
    int n = readInt();
    String s = new String(in, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  private long readLong() {
    long z = 0;
    int shift = 0;
    while (true) {
      byte b = in[pos++];
      z |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        break;
      }
      shift += 7;
    }
    return (z >>> 1) ^ -(z & 1);
  }

  private int readInt() {
    return (int) readLong();
  }
}
