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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a Jenkins credential into the engine's {@link TokenSource}: Secret text is an IAM token as is; Username with
 * password is an IAM user whose token is obtained by a password exchange and cached on the controller until it
 * expires. The cache key holds a SHA-256 digest of the user name and password, never the password itself.
 */
final class CredentialResolver {

    /** Credential types the dropdowns offer. */
    static final CredentialsMatcher SUPPORTED_CREDENTIALS = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StringCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));

    private static final int MAX_CACHED_SOURCES = 64;

    /** The okhttp client every derived client starts from (shares its connection pool and threads). */
    private static final OkHttpClient BASE = new OkHttpClient();

    /** Password token sources by credential id, secret digest, IAM endpoint and project. */
    private static final SourceCache CACHE = new SourceCache();

    private CredentialResolver() {}

    /**
     * The token source for a planned deletion: its credential, looked up in the run's context (folder credentials
     * only inside their folder) with the domain requirements of the endpoint it goes to, so a credential restricted
     * to another host is never sent; its use is recorded.
     *
     * @throws AbortException when it is not found, or is of an unsupported type (the message names the id, never a
     *     secret)
     */
    @NonNull
    static TokenSource tokenSource(@NonNull Run<?, ?> run, @NonNull DeletionPlan plan) throws AbortException {
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
        CredentialsProvider.track(run, credentials);
        return tokenSource(id, credentials, plan.project(), plan.iamEndpoint(), plan.iamDomain(), plan.settings());
    }

    /**
     * The token source for a credential.
     *
     * @throws AbortException for an unsupported credential type or an unusable secret
     */
    @NonNull
    static TokenSource tokenSource(
            @NonNull String credentialsId,
            @NonNull StandardCredentials credentials,
            @NonNull ProjectId project,
            @NonNull Endpoint iamEndpoint,
            @CheckForNull String iamDomain,
            @NonNull ClientSettings settings)
            throws AbortException {
        try {
            if (credentials instanceof StringCredentials token) {
                return TokenSource.fixed(Token.of(token.getSecret().getPlainText()));
            }
            if (credentials instanceof StandardUsernamePasswordCredentials user) {
                String username = user.getUsername();
                String password = user.getPassword().getPlainText();
                IamPasswordCredentials login =
                        new IamPasswordCredentials(iamEndpoint, iamDomain, username, password, project);
                String key = credentialsId
                        + '|'
                        + digest(login.domain(), username, password)
                        + '|'
                        + iamEndpoint.url()
                        + '|'
                        + project.value();
                synchronized (CACHE) {
                    IamPasswordTokenSource source = CACHE.get(key);
                    if (source == null) {
                        source = new IamPasswordTokenSource(login, newHttpClient(settings));
                        CACHE.put(key, source);
                    }
                    return source;
                }
            }
        } catch (InvalidInputException e) {
            // The engine's messages never contain the secret.
            throw new AbortException(Messages.Deletion_credentialsUnusable(credentialsId, e.getMessage()));
        }
        throw new AbortException(unsupportedType(credentialsId, credentials));
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

    /** Forgets every cached IAM token source (for tests). */
    static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    private static String digest(String domain, String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(domain.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** A small least-recently-used map; guarded by its own monitor. */
    private static final class SourceCache extends LinkedHashMap<String, IamPasswordTokenSource> {
        private static final long serialVersionUID = 1L;

        SourceCache() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IamPasswordTokenSource> eldest) {
            return size() > MAX_CACHED_SOURCES;
        }
    }
}
