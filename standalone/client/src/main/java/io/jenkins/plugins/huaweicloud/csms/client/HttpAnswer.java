package io.jenkins.plugins.huaweicloud.csms.client;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/** What one HTTP exchange returned: status, headers and at most a bounded prefix of the body. */
record HttpAnswer(int status, Headers headers, byte[] bodyPrefix, boolean bodyTruncated) {

    String header(String name) {
        return headers.get(name);
    }

    String bodyText() {
        return new String(bodyPrefix, StandardCharsets.UTF_8);
    }

    boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
