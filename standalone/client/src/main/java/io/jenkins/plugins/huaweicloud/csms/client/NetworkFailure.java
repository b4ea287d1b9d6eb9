package io.jenkins.plugins.huaweicloud.csms.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Words for an I/O failure, and whether the request may have reached the server. */
final class NetworkFailure {
    private NetworkFailure() {}

    static String describe(IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SocketTimeoutException
                && msg.toLowerCase(java.util.Locale.ROOT).contains("connect")) {
            return "connect timeout";
        }
        if (e instanceof SocketTimeoutException) {
            return "read timeout";
        }
        if (e instanceof InterruptedIOException && "timeout".equals(msg)) {
            return "call timeout";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SSLException) {
            return "TLS failure (" + LogText.clean(msg, 160) + "); check the certificate chain, it is never ignored";
        }
        return "connection failed (" + e.getClass().getSimpleName()
                + (msg.isEmpty() ? "" : ": " + LogText.clean(msg, 160)) + ")";
    }

    /** True when the request certainly did not reach the server (so a later "absent" is not our doing). */
    static boolean surelyNotSent(IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e instanceof javax.net.ssl.SSLHandshakeException
                || (e instanceof SocketTimeoutException && msg.contains("connect"));
    }

    /** Failures that another attempt will not fix. */
    static boolean permanent(IOException e) {
        return e instanceof UnknownHostException || e instanceof SSLException;
    }
}
