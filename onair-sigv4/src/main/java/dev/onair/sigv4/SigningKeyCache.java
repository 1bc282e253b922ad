package dev.onair.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bounded LRU of derived signing keys ({@code kSigning}), keyed by (secret fingerprint, date, region, service).
 *
 * <p>Deriving costs four HMACs; a hit costs one (the fingerprint). The secret itself is never stored: the map key holds
 * {@code HMAC(processSalt, secret)}, so neither {@code toString}, a heap dump nor hash-flooding of the map reveals or
 * targets the secret string. Shared by verifier, chunk verifier and signer; thread-safe.
 *
 * <p>In front of the map, each thread keeps the scope it signed last with an HMAC already keyed by its {@code kSigning}
 * ({@link #signatureHex}): a worker serving one caller's requests then pays neither the fingerprint HMAC nor the key
 * set-up of the signature HMAC. That entry is matched by the identity of the secret string (the credential cache
 * hands out the same instance), so no secret is compared or hashed to find it, and it holds nothing the credential
 * cache does not already hold.
 */
public final class SigningKeyCache {
    public static final int DEFAULT_CAPACITY = 1024;

    private final byte[] salt = new byte[32];
    private final ThreadLocal<Recent> recent = ThreadLocal.withInitial(Recent::new);
    private final Map<CacheKey, byte[]> keys;

    public SigningKeyCache() {
        this(DEFAULT_CAPACITY);
    }

    public SigningKeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        new SecureRandom().nextBytes(salt);
        this.keys = new LinkedHashMap<>(Math.min(capacity, 64) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns {@code kSigning} for the scope; callers must not modify the returned array. */
    public byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        CacheKey key = new CacheKey(Crypto.hmac(salt, secretAccessKey), date, region, service);
        synchronized (keys) {
            byte[] cached = keys.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] derived = derive(secretAccessKey, date, region, service);
        synchronized (keys) {
            keys.put(key, derived);
        }
        return derived;
    }

    /**
     * Lowercase hex {@code HMAC(kSigning, stringToSign)}: the SigV4 signature of {@code stringToSign} for the scope.
     */
    public String signatureHex(String secretAccessKey, String date, String region, String service,
            String stringToSign) {
        Recent last = recent.get();
        if (last.secret != secretAccessKey || !date.equals(last.date) || !region.equals(last.region)
                || !service.equals(last.service)) {
            last.key(secretAccessKey, date, region, service,
                    signingKey(secretAccessKey, date, region, service));
        }
        return Crypto.hex(last.mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    public int size() {
        synchronized (keys) {
            return keys.size();
        }
    }

    static byte[] derive(String secretAccessKey, String date, String region, String service) {
        byte[] kSecret = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        byte[] kDate = Crypto.hmac(kSecret, date);
        byte[] kRegion = Crypto.hmac(kDate, region);
        byte[] kService = Crypto.hmac(kRegion, service);
        return Crypto.hmac(kService, SigV4.TERMINATOR);
    }

    @Override
    public String toString() {
        return "SigningKeyCache[size=" + size() + "]";
    }

    /** One thread's last scope; mutable, never shared between threads. */
    private static final class Recent {
        private final Mac mac;
        private String secret;
        private String date;
        private String region;
        private String service;

        Recent() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JDK without HmacSHA256", e);
            }
        }

        void key(String secret, String date, String region, String service, byte[] signingKey) {
            try {
                mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 rejected a key", e);
            }
            this.secret = secret;
            this.date = date;
            this.region = region;
            this.service = service;
        }

        @Override
        public String toString() {
            return "Recent[" + date + "/" + region + "/" + service + "]";
        }
    }

    private static final class CacheKey {
        private final byte[] fingerprint;
        private final String date;
        private final String region;
        private final String service;
        private final int hash;

        CacheKey(byte[] fingerprint, String date, String region, String service) {
            this.fingerprint = fingerprint;
            this.date = date;
            this.region = region;
            this.service = service;
            this.hash = Objects.hash(Arrays.hashCode(fingerprint), date, region, service);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CacheKey that
                    && Arrays.equals(fingerprint, that.fingerprint)
                    && date.equals(that.date)
                    && region.equals(that.region)
                    && service.equals(that.service);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "CacheKey[" + date + "/" + region + "/" + service + "]";
        }
    }
}
