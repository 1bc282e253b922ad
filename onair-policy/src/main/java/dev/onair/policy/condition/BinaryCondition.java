package dev.onair.policy.condition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** BinaryEquals: policy and request values are base64; the decoded bytes are compared. */
final class BinaryCondition extends AbstractCondition {
    private final byte[][] values;

    BinaryCondition(OperatorName operator, String key, List<String> rawValues) {
        super(operator, key);
        List<byte[]> decoded = new ArrayList<>();
        for (String raw : rawValues) {
            byte[] bytes = decode(raw);
            if (bytes != null) {
                decoded.add(bytes);
            }
        }
        this.values = decoded.toArray(new byte[0][]);
    }

    private static byte[] decode(String value) {
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        byte[] request = decode(requestValue);
        if (request == null) {
            return false;
        }
        for (byte[] value : values) {
            if (Arrays.equals(value, request)) {
                return true;
            }
        }
        return false;
    }
}
