package dev.onair.ivs.fakes;

import dev.onair.ivs.IvsArn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;

/** A sorted in-memory table keyed by ARN: the shared core of the hand-written repository fakes. */
class ArnStore<T> {
  final ConcurrentSkipListMap<String, T> rows = new ConcurrentSkipListMap<>();
  private final Function<T, String> arnOf;

  ArnStore(Function<T, String> arnOf) {
    this.arnOf = arnOf;
  }

  void insert(T row) {
    if (rows.putIfAbsent(arnOf.apply(row), row) != null) {
      throw new IllegalStateException("duplicate " + arnOf.apply(row));
    }
  }

  boolean replace(T row) {
    return rows.replace(arnOf.apply(row), row) != null;
  }

  Optional<T> find(String arn) {
    return Optional.ofNullable(rows.get(arn));
  }

  boolean delete(String arn) {
    return rows.remove(arn) != null;
  }

  List<T> page(Predicate<T> filter, String afterArn, int limit) {
    List<T> result = new ArrayList<>();
    var view = afterArn == null ? rows : rows.tailMap(afterArn, false);
    for (T row : view.values()) {
      if (result.size() >= limit) {
        break;
      }
      if (filter.test(row)) {
        result.add(row);
      }
    }
    return result;
  }

  long count(Predicate<T> filter) {
    return rows.values().stream().filter(filter).count();
  }

  Predicate<T> inScope(String accountId, String region) {
    return row -> IvsArn.parse(arnOf.apply(row)).orElseThrow().belongsTo(accountId, region);
  }
}
