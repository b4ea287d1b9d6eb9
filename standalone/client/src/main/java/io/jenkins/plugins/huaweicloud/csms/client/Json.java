package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One shared Jackson mapper, created on first use: a successful deletion parses no JSON, and creating a mapper
 * costs a few hundred milliseconds of class loading in a fresh JVM (a one-off {@code csms delete}).
 */
final class Json {
    private Json() {}

    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
