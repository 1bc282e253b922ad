package dev.onair.storage.jdbc.console;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.console.session.Session;
import dev.onair.console.session.SessionRepository;
import dev.onair.console.session.SignedIn;
import dev.onair.protocol.Caller;
import dev.onair.storage.Jdbc;
import dev.onair.storage.Row;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Console sessions in {@code console_session} (V700): by the SHA-256 of the id, with no secret in any column. */
public final class JdbcSessionRepository implements SessionRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};
  private static final String COLUMNS = "id_hash, state, caller_type, account_id, arn, user_id, caller_name,"
      + " principal_tags, account_label, user_name, created_at, last_seen";

  private final Jdbc jdbc;

  public JdbcSessionRepository(Jdbc jdbc) {
    this.jdbc = requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void insert(StoredSession session) {
    SignedIn principal = session.principal();
    Caller caller = principal == null ? null : principal.caller();
    jdbc.update("insert into console_session (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        session.idHash(), session.state().name(),
        caller == null ? null : caller.type().name(),
        caller == null ? null : caller.accountId(),
        caller == null ? null : caller.arn(),
        caller == null ? null : caller.userId(),
        caller == null ? null : caller.name(),
        caller == null ? null : json(caller.principalTags()),
        principal == null ? null : principal.accountLabel(),
        principal == null ? null : principal.userName(),
        session.created(), session.lastSeen());
  }

  @Override
  public Optional<StoredSession> find(String idHash) {
    return jdbc.queryOne("select " + COLUMNS + " from console_session where id_hash = ?", JdbcSessionRepository::map,
        idHash);
  }

  @Override
  public void touch(String idHash, Instant lastSeen) {
    jdbc.update("update console_session set last_seen = ? where id_hash = ? and last_seen < ?",
        lastSeen, idHash, lastSeen);
  }

  @Override
  public void updateState(String idHash, Session.State state) {
    jdbc.update("update console_session set state = ? where id_hash = ?", state.name(), idHash);
  }

  @Override
  public void delete(String idHash) {
    jdbc.update("delete from console_session where id_hash = ?", idHash);
  }

  @Override
  public int deleteExpired(Instant idleBefore, Instant createdBefore) {
    return jdbc.update("delete from console_session where last_seen < ? or created_at < ?", idleBefore,
        createdBefore);
  }

  private static StoredSession map(Row row) throws SQLException {
    SignedIn principal = null;
    String callerType = row.string("caller_type");
    if (callerType != null) {
      Caller caller = new Caller(Caller.CallerType.valueOf(callerType), row.string("account_id"), row.string("arn"),
          row.string("user_id"), row.string("caller_name"), null, null, null, null, tags(row.string("principal_tags")));
      principal = new SignedIn(caller, row.string("account_label"), row.string("user_name"));
    }
    return new StoredSession(row.string("id_hash"), Session.State.valueOf(row.string("state")), principal,
        row.instant("created_at"), row.instant("last_seen"));
  }

  private static String json(Map<String, String> tags) {
    try {
      return JSON.writeValueAsString(tags);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> tags(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, TAGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("console_session.principal_tags is not a JSON object", e);
    }
  }
}
