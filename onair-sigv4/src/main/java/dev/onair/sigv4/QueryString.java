package dev.onair.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a raw query string; names and values stay raw until a caller asks for a decoded one. */
final class QueryString {

    record RawPair(String name, String value) {
    }

    private QueryString() {
    }

    static List<RawPair> split(String rawQuery) {
        List<RawPair> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            String pair = rawQuery.substring(start, end);
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                pairs.add(equals < 0
                        ? new RawPair(pair, "")
                        : new RawPair(pair.substring(0, equals), pair.substring(equals + 1)));
            }
            start = end + 1;
        }
        return pairs;
    }

    static Optional<String> first(String rawQuery, String name) {
        for (RawPair pair : split(rawQuery)) {
            if (UriEncoding.decodeToString(pair.name()).equals(name)) {
                return Optional.of(UriEncoding.decodeToString(pair.value()));
            }
        }
        return Optional.empty();
    }

    static boolean contains(String rawQuery, String name) {
        return first(rawQuery, name).isPresent();
    }
}
