package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small okhttp test client that never retries on its own, so every request is counted once. */
final class Http {
    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .callTimeout(Duration.ofSeconds(10))
            .build();

    /** A finished exchange: status, headers of interest and the body text. */
    record Result(int status, String body, Response response) {
        String header(String name) {
            return response.header(name);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String base;
    private final String token;

    Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Result get(String path) throws IOException {
        return send(new Request.Builder().url(base + path).get());
    }

    Result delete(String path) throws IOException {
        return send(new Request.Builder().url(base + path).delete());
    }

    Result post(String path, String json) throws IOException {
        return send(new Request.Builder().url(base + path).post(RequestBody.create(json, JSON)));
    }

    private Result send(Request.Builder builder) throws IOException {
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        try (Response r = CLIENT.newCall(builder.build()).execute()) {
            return new Result(r.code(), r.body().string(), r);
        }
    }
}
