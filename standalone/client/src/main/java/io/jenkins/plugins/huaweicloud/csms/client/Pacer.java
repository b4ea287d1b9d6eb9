package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Duration;

/** Paces requests that share a service limit; told about throttling so it can slow everyone down. */
interface Pacer {
    Pacer NONE = new Pacer() {
        @Override
        public void beforeRequest() {}

        @Override
        public void throttled(Duration retryAfter) {}

        @Override
        public void answered() {}
    };

    /** Blocks until the next request may be sent. */
    void beforeRequest() throws InterruptedException;

    /** The service answered 429 (with its Retry-After, or null). */
    void throttled(Duration retryAfter);

    /** The service answered anything but 429. */
    void answered();
}
