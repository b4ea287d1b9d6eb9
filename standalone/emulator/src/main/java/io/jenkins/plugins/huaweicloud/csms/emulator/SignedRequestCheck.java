package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The gateway's AK/SK check in front of CSMS and IAM: a known, unlocked pair; {@code X-Sdk-Date} within 15 minutes
 * of the emulator's clock; a valid signature over at least {@code host} and {@code x-sdk-date}; for temporary keys an
 * unexpired, signed {@code X-Security-Token}. Each failure of a known pair counts toward its lock.
 */
final class SignedRequestCheck {
    static final String SCHEME = "SDK-HMAC-SHA256";
    static final String CODE = "APIGW.0301";
    static final String PREFIX = "Incorrect IAM authentication information: ";
    static final String SIGNATURE_FAIL = PREFIX + "verify aksk signature fail";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final AccessKeyStore keys;
    private final Clock clock;

    SignedRequestCheck(AccessKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    static boolean isSigned(Call call) {
        String authorization = call.header("Authorization");
        return authorization != null && authorization.startsWith(SCHEME);
    }

    /** The verified pair, or {@code null} after answering 401. */
    AccessKeyStore.Pair check(Call call) throws IOException {
        byte[] body = bufferBody(call);
        SignatureVerifier.Credential credential = SignatureVerifier.parse(call.header("Authorization"));
        if (credential == null) {
            return refuse(call, SIGNATURE_FAIL);
        }
        String ak = credential.accessKey();
        AccessKeyStore.Pair pair = keys.pair(ak);
        if (pair == null) {
            return refuse(call, PREFIX + "the access key does not exist");
        }
        if (keys.locked(ak)) {
            return refuse(
                    call,
                    PREFIX + "the access key is locked for " + AccessKeyStore.LOCK_DURATION.toMinutes()
                            + " minutes after " + AccessKeyStore.LOCK_AFTER_FAILURES + " consecutive failures");
        }
        if (!fresh(call.header("X-Sdk-Date"))) {
            keys.failed(ak);
            return refuse(call, PREFIX + "X-Sdk-Date is missing or more than 15 minutes off the server's time");
        }
        boolean signed = credential.signedHeaders().contains("host")
                && SignatureVerifier.verify(
                        credential, call.method(), call.path(), call.query(), call::header, body, pair.secretKey());
        if (!signed) {
            keys.failed(ak);
            return refuse(call, SIGNATURE_FAIL);
        }
        if (pair.temporary()) {
            String token = call.header("X-Security-Token");
            boolean valid = token != null
                    && credential.signedHeaders().contains("x-security-token")
                    && MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8),
                            pair.securityToken().getBytes(StandardCharsets.UTF_8));
            if (!valid) {
                keys.failed(ak);
                return refuse(call, PREFIX + "the security token is missing, unsigned or invalid");
            }
            if (!clock.instant().isBefore(pair.expiresAt())) {
                return refuse(
                        call, PREFIX + "the security token expired at " + TokenStore.IAM_TIME.format(pair.expiresAt()));
            }
        }
        keys.succeeded(ak);
        return pair;
    }

    private boolean fresh(String date) {
        if (date == null) {
            return false;
        }
        Instant at;
        try {
            at = LocalDateTime.parse(date, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return false;
        }
        return Duration.between(at, clock.instant()).abs().compareTo(MAX_SKEW) <= 0;
    }

    /** Reads the body once for the signature and puts it back for the handler behind. */
    private static byte[] bufferBody(Call call) throws IOException {
        byte[] body = call.exchange().getRequestBody().readNBytes(Json.MAX_BODY_BYTES + 1);
        call.exchange().setStreams(new ByteArrayInputStream(body), null);
        return body;
    }

    private static AccessKeyStore.Pair refuse(Call call, String message) throws IOException {
        call.csmsError(401, CODE, message);
        return null;
    }
}
