package org.mtmanager.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.mtmanager.store.entity.AuditEntity;

/**
 * The hash of an audit entry: SHA-256 over the previous entry's hash and every field of this one, each written
 * as its length and its text, so that no two different entries can produce the same input.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEntity e) {
        StringBuilder sb = new StringBuilder(256);
        put(sb, e.getPrevHash());
        put(sb, Long.toString(e.getSeq()));
        put(sb, Long.toString(e.getTime().toEpochMilli()));
        put(sb, e.getActor());
        put(sb, Long.toString(e.getActorAccountId()));
        put(sb, e.getSourceIp());
        put(sb, e.getChannel());
        put(sb, e.getAction());
        put(sb, e.getTargetType());
        put(sb, e.getTargetId());
        put(sb, Long.toString(e.getAccountId()));
        put(sb, e.getScopePath());
        put(sb, e.getOutcome());
        put(sb, e.getDetail());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void put(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("-1:");
        } else {
            sb.append(s.length()).append(':').append(s);
        }
        sb.append(';');
    }
}
