package io.jenkins.plugins.huaweicloud.csms;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKey;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.Agency;
import io.jenkins.plugins.huaweicloud.csms.client.AgencyKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionPlan;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordCredentials;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordTokenSource;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a Jenkins credential into the engine's {@link Authentication}: Secret text is an IAM token as is; Username
 * with password is an IAM user whose token is obtained by a password exchange and cached on the controller until it
 * expires; a Huawei Cloud access key signs requests (AK/SK), with an agency through its temporary keys, cached in
 * memory until shortly before they expire. Cache keys hold a SHA-256 digest of the secrets, never the secrets.
 */
final class CredentialResolver {

    /** Credential types the dropdowns offer. */
    static final CredentialsMatcher SUPPORTED_CREDENTIALS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StringCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(HuaweiCloudAccessKeyCredentials.class));

    private static final int MAX_CACHED_SOURCES = 64;

    /** The okhttp client every derived client starts from (shares its connection pool and threads). */
    private static final OkHttpClient BASE = new OkHttpClient();

    /**
     * Password token sources (by credential id, secret digest, IAM endpoint and project) and agency key sources (by
     * credential id, key digest, agency and IAM endpoint); least recently used first out.
     */
    private static final SourceCache CACHE = new SourceCache();

    private CredentialResolver() {}

    /**
     * The authentication for a planned deletion: its credential, looked up in the run's context (folder credentials
     * only inside their folder) with the domain requirements of the endpoint it goes to, so a credential restricted
     * to another host is never sent; its use is recorded.
     *
     * @throws AbortException when it is not found, or is of an unsupported type (the message names the id, never a
     *     secret)
     */
    @NonNull
    static Authentication authentication(@NonNull Run<?, ?> run, @NonNull DeletionPlan plan) throws AbortException {
        String id = plan.credentialsId();
        StandardCredentials credentials = CredentialsProvider.findCredentialById(
                id,
                StandardCredentials.class,
                run,
                URIRequirementBuilder.fromUri(plan.endpoint().url()).build());
        if (credentials == null) {
            throw new AbortException(Messages.Deletion_credentialsNotFound(
                    id, run.getParent().getFullName(), plan.endpoint().host()));
        }
        checkAgency(id, credentials, plan.agency());
        CredentialsProvider.track(run, credentials);
        return authentication(
                id, credentials, plan.project(), plan.iamEndpoint(), plan.iamDomain(), plan.agency(), plan.settings());
    }

    /**
     * Refuses an agency with a credential that cannot assume it (only an access key can), before anything is sent.
     *
     * @throws AbortException naming the credential and its type, never a secret
     */
    static void checkAgency(
            @NonNull String credentialsId, @NonNull StandardCredentials credentials, @CheckForNull Agency agency)
            throws AbortException {
        if (agency != null && !(credentials instanceof HuaweiCloudAccessKeyCredentials)) {
            throw new AbortException(Messages.Deletion_agencyNeedsAccessKey(
                    credentialsId, credentials.getClass().getSimpleName(), agency.name()));
        }
    }

    /**
     * The authentication for a credential.
     *
     * @param agency the agency an access key assumes, or null
     * @throws AbortException for an unsupported credential type, an agency with another type, or an unusable secret
     */
    @NonNull
    static Authentication authentication(
            @NonNull String credentialsId,
            @NonNull StandardCredentials credentials,
            @NonNull ProjectId project,
            @NonNull Endpoint iamEndpoint,
            @CheckForNull String iamDomain,
            @CheckForNull Agency agency,
            @NonNull ClientSettings settings)
            throws AbortException {
        checkAgency(credentialsId, credentials, agency);
        try {
            if (credentials instanceof HuaweiCloudAccessKeyCredentials keys) {
                return Authentication.of(accessKeys(credentialsId, keys, iamEndpoint, agency, settings));
            }
            if (credentials instanceof StringCredentials token) {
                return Authentication.of(
                        TokenSource.fixed(Token.of(token.getSecret().getPlainText())));
            }
            if (credentials instanceof StandardUsernamePasswordCredentials user) {
                String username = user.getUsername();
                String password = user.getPassword().getPlainText();
                IamPasswordCredentials login =
                        new IamPasswordCredentials(iamEndpoint, iamDomain, username, password, project);
                String key = "password|"
                        + credentialsId
                        + '|'
                        + digest(login.domain(), username, password)
                        + '|'
                        + iamEndpoint.url()
                        + '|'
                        + project.value();
                synchronized (CACHE) {
                    Object source = CACHE.get(key);
                    if (!(source instanceof IamPasswordTokenSource)) {
                        source = new IamPasswordTokenSource(login, newHttpClient(settings));
                        CACHE.put(key, source);
                    }
                    return Authentication.of((IamPasswordTokenSource) source);
                }
            }
        } catch (InvalidInputException e) {
            // The engine's messages never contain the secret.
            throw new AbortException(Messages.Deletion_credentialsUnusable(credentialsId, e.getMessage()));
        }
        throw new AbortException(unsupportedType(credentialsId, credentials));
    }

    /**
     * The AK/SK source of an access key credential: the fixed pair, or (with an agency) temporary keys of the agency,
     * obtained with the pair and shared by every build using the same key, agency and IAM endpoint.
     */
    @NonNull
    private static AccessKeySource accessKeys(
            @NonNull String credentialsId,
            @NonNull HuaweiCloudAccessKeyCredentials credentials,
            @NonNull Endpoint iamEndpoint,
            @CheckForNull Agency agency,
            @NonNull ClientSettings settings) {
        String ak = credentials.getAccessKeyId();
        String sk = credentials.getSecretAccessKey().getPlainText();
        AccessKey longTerm = AccessKey.of(ak, sk);
        if (agency == null) {
            return AccessKeySource.fixed(longTerm);
        }
        String key = "agency|"
                + credentialsId
                + '|'
                + digest(ak, sk, "")
                + '|'
                + agency.name()
                + '|'
                + agency.domain()
                + '|'
                + iamEndpoint.url();
        synchronized (CACHE) {
            Object source = CACHE.get(key);
            if (!(source instanceof AgencyKeySource)) {
                source = new AgencyKeySource(iamEndpoint, longTerm, agency, newHttpClient(settings), Clock.systemUTC());
                CACHE.put(key, source);
            }
            return (AgencyKeySource) source;
        }
    }

    /** A message for a credential of a type this plugin cannot use. */
    @NonNull
    static String unsupportedType(@NonNull String credentialsId, @NonNull StandardCredentials credentials) {
        return Messages.Deletion_credentialsUnsupported(
                credentialsId, credentials.getClass().getSimpleName());
    }

    /** An okhttp client with Jenkins' proxy settings and the engine's safe defaults. */
    @NonNull
    static OkHttpClient newHttpClient(@NonNull ClientSettings settings) {
        return CsmsClient.newHttpClient(proxied(), settings);
    }

    /** The base client with Jenkins' proxy configuration applied (for {@code CsmsClient.Builder#httpClient}). */
    @NonNull
    static OkHttpClient proxied() {
        return JenkinsOkHttpClient.newClientBuilder(BASE).build();
    }

    /** Forgets every cached IAM token source and agency key source (for tests). */
    static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    private static String digest(String first, String second, String third) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(first.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(second.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(third.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** A small least-recently-used map of credential sources; guarded by its own monitor. */
    private static final class SourceCache extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        SourceCache() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_CACHED_SOURCES;
        }
    }
}
