package dev.onair.storage.jdbc.iam;

import dev.onair.iam.model.StsSession;
import dev.onair.iam.model.Tag;
import dev.onair.protocol.Secret;
import dev.onair.storage.Jdbc;
import dev.onair.storage.SecretCipher;
import dev.onair.iam.store.SessionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * STS sessions. The secret and session token are encrypted with the master key, bound to the access key id.
 * Policy ARNs and tags are stored as simple delimited text of base64 items, which every database reads the same.
 */
final class JdbcSessionRepository implements SessionRepository {
  private final Jdbc jdbc;
  private final SecretCipher cipher;

  JdbcSessionRepository(Jdbc jdbc, SecretCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void create(StsSession session, Secret secretAccessKey, Secret sessionToken) {
    String id = session.accessKeyId();
    jdbc.update(
        "insert into sts_session (access_key_id, account_id, principal_type, principal_id, role_arn, session_name,"
            + " secret, session_token, issued_at, expires_at, session_policy, policy_arns, session_tags, source_arn)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, session.accountId(), session.principalType(), session.principalId(), session.roleArn(),
        session.sessionName(), cipher.encrypt(secretAccessKey.reveal(), id + "/secret"),
        cipher.encrypt(sessionToken.reveal(), id + "/token"), session.issuedAt(), session.expiresAt(),
        session.sessionPolicy(), encodeList(session.policyArns()), encodeTags(session.sessionTags()),
        session.sourceArn());
  }

  @Override
  public Optional<StoredSession> find(String accessKeyId) {
    return jdbc.queryOne(
        "select * from sts_session where access_key_id = ?",
        row -> new StoredSession(
            new StsSession(
                row.string("access_key_id"),
                row.string("account_id"),
                StsSession.PrincipalType.valueOf(row.string("principal_type")),
                row.string("principal_id"),
                row.string("role_arn"),
                row.string("session_name"),
                row.instant("issued_at"),
                row.instant("expires_at"),
                row.string("session_policy"),
                decodeList(row.string("policy_arns")),
                decodeTags(row.string("session_tags")),
                row.string("source_arn")),
            Secret.of(cipher.decrypt(row.string("secret"), accessKeyId + "/secret")),
            Secret.of(cipher.decrypt(row.string("session_token"), accessKeyId + "/token"))),
        accessKeyId);
  }

  @Override
  public int deleteExpired(Instant cutoff) {
    return jdbc.update("delete from sts_session where expires_at < ?", cutoff);
  }

  static String encodeList(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<String> encoded = new ArrayList<>();
    values.forEach(value -> encoded.add(
        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return String.join(",", encoded);
  }

  static List<String> decodeList(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split(","))
        .map(item -> new String(Base64.getDecoder().decode(item), StandardCharsets.UTF_8))
        .toList();
  }

  static String encodeTags(List<Tag> tags) {
    List<String> flat = new ArrayList<>();
    tags.forEach(tag -> {
      flat.add(tag.key());
      flat.add(tag.value());
    });
    return encodeList(flat);
  }

  static List<Tag> decodeTags(String text) {
    List<String> flat = decodeList(text);
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      tags.add(new Tag(flat.get(i), flat.get(i + 1)));
    }
    return tags;
  }
}
