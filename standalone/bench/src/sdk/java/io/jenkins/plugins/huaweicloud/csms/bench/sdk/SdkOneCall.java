package io.jenkins.plugins.huaweicloud.csms.bench.sdk;

/**
 * Cold-start probe: one delete with the official SDK in a fresh JVM, then exit (0 on HTTP 2xx, 1 otherwise).
 * Usage: {@code java -cp 'target/sdk-lib/*' ...SdkOneCall ENDPOINT PROJECT_ID SECRET_NAME}.
 */
public final class SdkOneCall {
    private SdkOneCall() {}

    public static void main(String[] args) {
        int status = new SdkDeleter(args[0], args[1]).applyAsInt(args[2]);
        System.out.println("HTTP " + status);
        System.exit(status >= 200 && status < 300 ? 0 : 1);
    }
}
