package io.jenkins.plugins.huaweicloud.csms.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The single HttpServer context: global latency, then IAM, CSMS or "no such API". */
final class Router implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final RequestLog log;
    private final FaultPlan faults;
    private final IamHandler iam;
    private final SecretsHandler secrets;
    private final SecurityTokenHandler securityTokens;

    Router(
            RequestLog log,
            FaultPlan faults,
            IamHandler iam,
            SecretsHandler secrets,
            SecurityTokenHandler securityTokens) {
        this.log = log;
        this.faults = faults;
        this.iam = iam;
        this.secrets = secrets;
        this.securityTokens = securityTokens;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call call = new Call(exchange, log);
        try {
            SecretsHandler.sleep(faults.nextDelay());
            String path = call.path();
            if (IamHandler.PATH.equals(path)) {
                iam.handle(call);
            } else if (SecurityTokenHandler.PATH.equals(path)) {
                securityTokens.handle(call);
            } else if (path.startsWith("/v1/")) {
                secrets.handle(call);
            } else {
                call.csmsError(404, ErrorCodes.NO_SUCH_API, "The API does not exist or has not been published");
            }
        } catch (InterruptedException e) {
            // Shutting down: leave without answering.
            Thread.currentThread().interrupt();
            call.drop();
        } catch (IOException e) {
            // The client went away; nothing to answer. Only the method and path are logged, never headers.
            LOG.log(Level.FINE, "I/O error answering " + call.method() + " " + call.path(), e);
            call.drop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Emulator bug answering " + call.method() + " " + call.path(), e);
            if (!call.finished()) {
                try {
                    call.csmsError(500, ErrorCodes.INTERNAL, "Internal error in the emulator");
                } catch (IOException ignored) {
                    // The connection is gone as well.
                }
            }
        } finally {
            exchange.close();
        }
    }
}
