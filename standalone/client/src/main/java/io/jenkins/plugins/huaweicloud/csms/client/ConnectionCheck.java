package io.jenkins.plugins.huaweicloud.csms.client;

import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * "Test connection" of a configuration form: proves a credential can authenticate, without deleting anything. An IAM
 * user's password is exchanged for a project-scoped token, and an access key with an agency obtains the agency's
 * temporary keys (one IAM request each, always from fresh sources: a test must really ask IAM). Then, with a project
 * id and a region or endpoint, {@link CsmsClient#probe} asks CSMS for at most one secret name (one attempt), which
 * proves CSMS accepts the token or the signed request. Every message is safe to show: the credential's secrets and
 * whatever was obtained with them are redacted even when a server echoes them.
 */
public final class ConnectionCheck {
    /** One attempt only: a test should answer quickly and never hammer a failing service. */
    private static final ClientSettings SETTINGS =
            ClientSettings.builder().attempts(1).build();

    private final OkHttpClient base;
    private final Clock clock;
    private final CredentialSources fresh;

    /** @param base the okhttp client every request starts from (e.g. one carrying proxy settings) */
    public ConnectionCheck(OkHttpClient base) {
        this(base, Clock.systemUTC());
    }

    ConnectionCheck(OkHttpClient base, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fresh = CredentialSources.uncached(clock);
    }

    /** The form's values as typed; blank ones become null and the others are trimmed. */
    public record Form(
            String credentialsId,
            String region,
            String endpoint,
            String iamEndpoint,
            String iamDomain,
            String agencyName,
            String agencyDomain,
            String testProjectId) {
        public Form {
            credentialsId = DeletionRequest.blankToNull(credentialsId);
            region = DeletionRequest.blankToNull(region);
            endpoint = DeletionRequest.blankToNull(endpoint);
            iamEndpoint = DeletionRequest.blankToNull(iamEndpoint);
            iamDomain = DeletionRequest.blankToNull(iamDomain);
            agencyName = DeletionRequest.blankToNull(agencyName);
            agencyDomain = DeletionRequest.blankToNull(agencyDomain);
            testProjectId = DeletionRequest.blankToNull(testProjectId);
        }

        /**
         * The form's values by their field names, e.g. a web request's parameters: {@code credentialsId},
         * {@code region}, {@code endpoint}, {@code iamEndpoint}, {@code iamDomain}, {@code agencyName},
         * {@code agencyDomain} and {@code testProjectId}.
         */
        public static Form from(UnaryOperator<String> field) {
            return new Form(
                    field.apply("credentialsId"),
                    field.apply("region"),
                    field.apply("endpoint"),
                    field.apply("iamEndpoint"),
                    field.apply("iamDomain"),
                    field.apply("agencyName"),
                    field.apply("agencyDomain"),
                    field.apply("testProjectId"));
        }

        /** Where CSMS is, or null when the form names no valid region or endpoint (its own checks say why). */
        public String endpointUrl() {
            return DeletionJob.endpointUrlOrNull(endpoint, region, DeletionDefaults.NONE);
        }
    }

    /** How the front end finds the credential a form names. */
    @FunctionalInterface
    public interface Lookup {
        /**
         * @param endpointUrl where CSMS is (for credentials restricted to some hosts), or null
         * @return the credential, or null when there is none with this id
         * @throws InvalidInputException when it exists but cannot be used (e.g. of an unsupported type); the message
         *     names it, never a secret
         */
        CloudCredential find(String credentialsId, String endpointUrl);
    }

    /** What to show: success or failure, and one message safe to show. */
    public record Result(boolean ok, String message) {}

    /**
     * Runs the test the form asks for.
     *
     * @throws InterruptedException when the calling thread is interrupted; the HTTP call is cancelled first
     */
    public Result run(Form form, Lookup lookup) throws InterruptedException {
        String id = form.credentialsId();
        if (id == null) {
            return new Result(false, "Select credentials first.");
        }
        SecretRedactor redactor = new SecretRedactor();
        Result result;
        try {
            String url = form.endpointUrl();
            CloudCredential credential = lookup.find(id, url);
            if (credential == null) {
                return new Result(false, "Cannot find credentials \"" + id + "\".");
            }
            credential.registerWith(redactor);
            result = check(id, credential, form, url, redactor);
        } catch (InvalidInputException e) {
            result = new Result(false, e.getMessage());
        } catch (TokenException e) {
            result = new Result(false, failed(id, e.getMessage()));
        }
        return new Result(result.ok(), redactor.redact(result.message()));
    }

    private Result check(String id, CloudCredential credential, Form form, String url, SecretRedactor redactor)
            throws TokenException, InterruptedException {
        Agency agency = DeletionJob.agencyOf(form.agencyName(), form.agencyDomain(), ArgumentNames.JENKINS);
        CredentialSources.checkAgency(id, credential, agency);
        boolean password = credential instanceof CloudCredential.IamUser;
        ProjectId project = form.testProjectId() == null ? null : ProjectId.of(form.testProjectId());
        if (password && project == null) {
            return new Result(false, "Give a project id for the test: IAM tokens are scoped to a project.");
        }
        Endpoint iam = password || agency != null ? iamEndpoint(form) : null;
        Authentication authentication =
                fresh.authentication(id, credential, project, iam, form.iamDomain(), agency, SETTINGS, base);
        authentication.registerSecretsWith(redactor);
        String authenticated = authenticate(id, credential, authentication, agency, iam, form.iamDomain());
        if (project == null) {
            return new Result(
                    true,
                    authenticated + " No project id is given, so CSMS was not called: give one (and a region or"
                            + " endpoint) to have CSMS check the credentials.");
        }
        if (url == null) {
            return new Result(true, authenticated + " No region or endpoint is set, so CSMS was not called.");
        }
        ProbeResult probe = authentication
                .applyTo(CsmsClient.builder())
                .endpoint(Endpoint.of(url))
                .settings(SETTINGS)
                .httpClient(base)
                .clock(clock)
                .redactor(redactor)
                .build()
                .probe(project);
        if (!probe.ok()) {
            return new Result(false, failed(id, describe(probe)));
        }
        return new Result(
                true,
                authenticated + " " + describe(probe) + ". At most one secret name was read; nothing was deleted.");
    }

    /** Makes the one IAM call a password or an agency needs, and says what it proved. */
    private static String authenticate(
            String id,
            CloudCredential credential,
            Authentication authentication,
            Agency agency,
            Endpoint iam,
            String iamDomain)
            throws TokenException, InterruptedException {
        if (agency != null) {
            authentication.accessKeys().accessKey();
            return "Success: IAM at " + iam.host() + " issued temporary keys of agency " + agency.name()
                    + " of account " + agency.domain() + " to credentials \"" + id + "\". The keys are not shown.";
        }
        if (credential instanceof CloudCredential.IamUser user) {
            authentication.tokens().token();
            return "Success: IAM at " + iam.host() + " issued a project-scoped token for user "
                    + user.user().strip() + " of account " + iamDomain + " (credentials \"" + id
                    + "\"). The token is not shown.";
        }
        String what = credential instanceof CloudCredential.IamToken ? "token" : "access key";
        return "Credentials \"" + id + "\" hold a well-formed " + what + ".";
    }

    /** The configured IAM endpoint, else the region's, else the global one. */
    private static Endpoint iamEndpoint(Form form) {
        if (form.iamEndpoint() != null) {
            return Endpoint.of(form.iamEndpoint());
        }
        return form.region() != null ? Endpoint.iamForRegion(form.region()) : Endpoint.iamGlobal();
    }

    private static String failed(String id, String reason) {
        return "Failed for credentials \"" + id + "\": " + reason;
    }

    /** The probe's message followed by its HTTP status, error code and request id. */
    static String describe(ProbeResult result) {
        StringBuilder s = new StringBuilder(result.message() == null ? "" : result.message());
        s.append(" [");
        s.append(result.status() == 0 ? "no HTTP answer" : "HTTP " + result.status());
        if (result.errorCode() != null) {
            s.append(", error code ").append(result.errorCode());
        }
        s.append(", request id ").append(result.requestId() == null ? "none" : result.requestId());
        return s.append(']').toString();
    }
}
