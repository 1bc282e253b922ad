package dev.onair.policy.condition;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 CIDR block; a bare address is a /32 or /128. Parsing never touches DNS. */
public record IpRange(byte[] network, int prefixLength) {

    /** The range, or null when the text is not an address or CIDR block. */
    public static IpRange parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new IpRange(address, prefix);
    }

    /** Bytes of a literal IPv4 or IPv6 address, or null. */
    public static byte[] parseAddress(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        String literal = text;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                return null;
            }
        }
        try {
            // Only hex digits, colons and dots reach here, so this is a literal parse, not a lookup.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 16 ? bytes : mapToIpv6(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] mapToIpv6(byte[] ipv4) {
        // InetAddress folds ::ffff:a.b.c.d to IPv4; keep the family the caller wrote.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    public boolean contains(byte[] address) {
        byte[] candidate = address;
        if (candidate.length != network.length) {
            if (candidate.length == 4 && network.length == 16) {
                candidate = mapToIpv6(candidate);
            } else {
                return false;
            }
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remaining = prefixLength % 8;
        if (remaining == 0) {
            return true;
        }
        int mask = 0xff << (8 - remaining) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
