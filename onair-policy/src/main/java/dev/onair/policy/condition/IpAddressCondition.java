package dev.onair.policy.condition;

import java.util.List;
import java.util.Objects;

/** IpAddress and NotIpAddress over IPv4 and IPv6 CIDR blocks. */
final class IpAddressCondition extends AbstractCondition {
    private final IpRange[] ranges;

    IpAddressCondition(OperatorName operator, String key, List<String> rawValues) {
        super(operator, key);
        this.ranges = rawValues.stream().map(IpRange::parse).filter(Objects::nonNull).toArray(IpRange[]::new);
    }

    @Override
    boolean matchesAny(String requestValue, ConditionContext context) {
        byte[] address = IpRange.parseAddress(requestValue.trim());
        if (address == null) {
            return false;
        }
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
