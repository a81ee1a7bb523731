package org.claimscrubber.input;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small memo for values computed from repeated cells; it empties itself when full, so memory
 * stays bounded whatever the input. One per parser (not thread-safe).
 */
final class BoundedCache<K, V> {

    private static final int LIMIT = 8192;

    private final Map<K, V> values = new HashMap<>();

    V get(K key, Function<K, V> compute) {
        V value = values.get(key);
        if (value == null) {
            if (values.size() >= LIMIT) {
                values.clear();
            }
            value = compute.apply(key);
            values.put(key, value);
        }
        return value;
    }
}
