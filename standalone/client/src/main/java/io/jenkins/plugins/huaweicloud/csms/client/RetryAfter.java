package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date. */
final class RetryAfter {
    private RetryAfter() {}

    /** The delay asked for, or null when the header is absent or unreadable; never negative. */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (h.length() > 9) {
                return Duration.ofDays(1);
            }
            return Duration.ofSeconds(Long.parseLong(h));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
