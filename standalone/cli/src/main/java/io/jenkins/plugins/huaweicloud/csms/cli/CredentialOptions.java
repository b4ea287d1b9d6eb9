package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.AccessKey;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.Agency;
import io.jenkins.plugins.huaweicloud.csms.client.AgencyKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.Authentication;
import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordCredentials;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordTokenSource;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.LogText;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the credential comes from. Never from an argument (it would show in {@code ps}): access keys from env
 * {@code HUAWEICLOUD_SDK_AK}/{@code HUAWEICLOUD_SDK_SK} (+ {@code HUAWEICLOUD_SDK_SECURITY_TOKEN}) or a
 * credentials.csv, optionally through an agency; a token file or env {@code CSMS_TOKEN}; or an IAM user whose
 * password is in env {@code CSMS_IAM_PASSWORD}.
 */
final class CredentialOptions {
    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Read the token from this file (surrounding whitespace is trimmed)."
                    + " Without it and without --iam-user the token comes from env CSMS_TOKEN.")
    Path tokenFile;

    @Option(
            names = "--iam-user",
            paramLabel = "USER",
            description = "Get a project-scoped token from IAM for this user, with the password from env"
                    + " CSMS_IAM_PASSWORD. One exchange serves the whole run.")
    String iamUser;

    @Option(
            names = "--iam-domain",
            paramLabel = "ACCOUNT",
            description = "The account (domain) name of --iam-user. Required with --iam-user.")
    String iamDomain;

    @Option(
            names = "--iam-endpoint",
            paramLabel = "URL",
            description = "IAM base URL (for --iam-user and --agency). Default: https://iam.REGION.myhuaweicloud.com"
                    + " (.eu for eu-west-1*) for --region or for an --endpoint of the form"
                    + " https://kms.REGION.myhuaweicloud.com (.eu); required with any other --endpoint (credentials"
                    + " are never sent to a guessed host).")
    String iamEndpoint;

    @Option(
            names = "--access-key-file",
            paramLabel = "FILE",
            description = "Sign requests with the AK/SK pair in this credentials.csv (as the console downloads it:"
                    + " header 'User Name,Access Key Id,Secret Access Key'). Without it the pair comes from env"
                    + " HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (with HUAWEICLOUD_SDK_SECURITY_TOKEN for"
                    + " temporary keys).")
    Path accessKeyFile;

    @Option(
            names = "--agency",
            paramLabel = "NAME",
            description = "With access keys: assume this IAM agency (cross-account) and delete with its temporary"
                    + " keys. Needs --agency-domain.")
    String agency;

    @Option(
            names = "--agency-domain",
            paramLabel = "ACCOUNT",
            description = "The account (domain) name that created the --agency.")
    String agencyDomain;

    @Option(
            names = "--agency-duration",
            paramLabel = "SECONDS",
            description = "Lifetime of the agency's temporary keys, 900 to 86400 seconds (default 3600).")
    Integer agencyDuration;

    @Option(
            names = "--auth",
            paramLabel = "KIND",
            description = "Which credential to use when several are present: token, access-key or iam-password.")
    String auth;

    /** The kinds of credential a run can use, with the words of --auth. */
    enum Kind {
        TOKEN("token"),
        ACCESS_KEY("access-key"),
        IAM_PASSWORD("iam-password");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** Which credential the run uses, for the log: never the secret itself. */
    String describe(CliContext ctx) {
        Kind kind;
        try {
            kind = kind(ctx);
        } catch (InvalidInputException e) {
            return "(none chosen)"; // resolve() refuses the run with the reason before anything is sent
        }
        switch (kind) {
            case IAM_PASSWORD:
                return "--iam-user " + iamUser;
            case TOKEN:
                return tokenFile != null ? "--token-file " + tokenFile : "env " + CliContext.TOKEN_ENV;
            default:
                String keys = accessKeyFile != null
                        ? "--access-key-file " + accessKeyFile
                        : "env " + CliContext.AK_ENV
                                + (ctx.envValue(CliContext.SECURITY_TOKEN_ENV) != null ? " (temporary keys)" : "");
                return agency != null ? keys + " through agency " + agency + " of " + agencyDomain : keys;
        }
    }

    /**
     * Validates the options and builds the credential without sending anything: an IAM call, if any, happens on the
     * first deletion.
     *
     * @param region the region of the CSMS endpoint when it is an official one, or null
     */
    Authentication resolve(CliContext ctx, ProjectId project, String region, ClientSettings settings) {
        Kind kind = kind(ctx);
        if (kind == Kind.ACCESS_KEY && (iamUser != null || iamDomain != null)) {
            throw new InvalidInputException("--iam-user and --iam-domain are used only with an IAM password: drop"
                    + " them, or choose --auth iam-password.");
        }
        if (kind != Kind.ACCESS_KEY && (agency != null || agencyDomain != null || agencyDuration != null)) {
            throw new InvalidInputException("--agency, --agency-domain and --agency-duration are used only with"
                    + " access keys (--access-key-file or env " + CliContext.AK_ENV + " and " + CliContext.SK_ENV
                    + ").");
        }
        if (kind == Kind.ACCESS_KEY) {
            return Authentication.of(accessKeys(ctx, region, settings));
        }
        if (kind == Kind.TOKEN) {
            if (iamUser != null || iamDomain != null || iamEndpoint != null) {
                throw new InvalidInputException(
                        "--iam-domain and --iam-endpoint are used only with --iam-user: give --iam-user USER too,"
                                + " or drop them to use --token-file or env " + CliContext.TOKEN_ENV + ".");
            }
            return Authentication.of(
                    TokenSource.fixed(tokenFile != null ? TokenFiles.read(tokenFile) : tokenFromEnv(ctx)));
        }
        if (iamUser == null) {
            throw new InvalidInputException("--auth iam-password needs --iam-user USER --iam-domain ACCOUNT, with"
                    + " the password in env " + CliContext.PASSWORD_ENV + ".");
        }
        if (iamDomain == null || iamDomain.isBlank()) {
            throw new InvalidInputException("--iam-domain ACCOUNT is required with --iam-user: the account (domain)"
                    + " name the IAM user belongs to.");
        }
        Endpoint iam = iamEndpoint(region);
        String password = ctx.envValue(CliContext.PASSWORD_ENV);
        if (password == null) {
            throw new InvalidInputException("Env " + CliContext.PASSWORD_ENV + " is not set: with --iam-user the"
                    + " password comes from env " + CliContext.PASSWORD_ENV + ", never from the command line.");
        }
        IamPasswordCredentials credentials = new IamPasswordCredentials(iam, iamDomain, iamUser, password, project);
        return Authentication.of(iamTokenSource(credentials, settings));
    }

    /**
     * The kind of credential: --auth when given; else the one an option names (--token-file, --iam-user,
     * --access-key-file); else the one the environment holds. Several without --auth: refused, naming them.
     */
    private Kind kind(CliContext ctx) {
        if (auth != null) {
            for (Kind k : Kind.values()) {
                if (k.word.equals(auth.strip())) {
                    return k;
                }
            }
            throw new InvalidInputException(
                    "--auth " + LogText.quote(auth) + " is invalid: it must be token, access-key or iam-password.");
        }
        if (tokenFile != null && iamUser != null) {
            throw new InvalidInputException(
                    "Give either --token-file or --iam-user, not both: a run uses one kind of credential.");
        }
        Map<Kind, List<String>> byOption = new EnumMap<>(Kind.class);
        if (tokenFile != null) {
            byOption.computeIfAbsent(Kind.TOKEN, k -> new ArrayList<>()).add("--token-file");
        }
        if (iamUser != null) {
            byOption.computeIfAbsent(Kind.IAM_PASSWORD, k -> new ArrayList<>()).add("--iam-user");
        }
        if (accessKeyFile != null) {
            byOption.computeIfAbsent(Kind.ACCESS_KEY, k -> new ArrayList<>()).add("--access-key-file");
        }
        Map<Kind, List<String>> byEnv = new EnumMap<>(Kind.class);
        if (ctx.envValue(CliContext.TOKEN_ENV) != null) {
            byEnv.computeIfAbsent(Kind.TOKEN, k -> new ArrayList<>()).add("env " + CliContext.TOKEN_ENV);
        }
        for (String name : List.of(CliContext.AK_ENV, CliContext.SK_ENV, CliContext.SECURITY_TOKEN_ENV)) {
            if (ctx.envValue(name) != null) {
                byEnv.computeIfAbsent(Kind.ACCESS_KEY, k -> new ArrayList<>()).add("env " + name);
            }
        }
        Map<Kind, List<String>> chosen = byOption.isEmpty() ? byEnv : byOption;
        if (chosen.size() > 1) {
            List<String> all = new ArrayList<>();
            chosen.values().forEach(all::addAll);
            throw new InvalidInputException("Several credentials are present (" + String.join(", ", all) + "): choose"
                    + " one with --auth token, --auth access-key or --auth iam-password, or remove the others.");
        }
        if (chosen.isEmpty()) {
            throw new InvalidInputException("No token: set env " + CliContext.TOKEN_ENV + ", give --token-file FILE,"
                    + " or use --iam-user USER --iam-domain ACCOUNT with env " + CliContext.PASSWORD_ENV
                    + "; or sign with access keys: env " + CliContext.AK_ENV + " and " + CliContext.SK_ENV
                    + " or --access-key-file FILE. A token or key is never taken on the command line.");
        }
        return chosen.keySet().iterator().next();
    }

    private AccessKeySource accessKeys(CliContext ctx, String region, ClientSettings settings) {
        AccessKey key = accessKeyFile != null ? AccessKeyFiles.read(accessKeyFile) : accessKeyFromEnv(ctx);
        if (agency == null && agencyDomain == null && agencyDuration == null) {
            return AccessKeySource.fixed(key);
        }
        if (agency == null || agencyDomain == null) {
            throw new InvalidInputException(
                    "Give --agency NAME and --agency-domain ACCOUNT together (--agency-duration is optional).");
        }
        if (key.isTemporary()) {
            throw new InvalidInputException("--agency needs long-term access keys: env " + CliContext.SECURITY_TOKEN_ENV
                    + " is set, so these keys are temporary already.");
        }
        Agency target = Agency.of(agency, agencyDomain);
        if (agencyDuration != null) {
            target = target.withDuration(Duration.ofSeconds(agencyDuration));
        }
        return new AgencyKeySource(iamEndpoint(region), key, target, CsmsClient.newHttpClient(settings), ctx.clock());
    }

    private static AccessKey accessKeyFromEnv(CliContext ctx) {
        String ak = ctx.envValue(CliContext.AK_ENV);
        String sk = ctx.envValue(CliContext.SK_ENV);
        String securityToken = ctx.envValue(CliContext.SECURITY_TOKEN_ENV);
        if (ak == null || sk == null) {
            String missing = ak == null ? CliContext.AK_ENV : CliContext.SK_ENV;
            String present =
                    ak == null ? (sk != null ? CliContext.SK_ENV : CliContext.SECURITY_TOKEN_ENV) : CliContext.AK_ENV;
            throw new InvalidInputException("Env " + present + " is set but " + missing + " is not: access keys need"
                    + " both the access key id (" + CliContext.AK_ENV + ") and the secret key ("
                    + CliContext.SK_ENV + "), from the environment or --access-key-file, never on the command line.");
        }
        try {
            return securityToken == null ? AccessKey.of(ak, sk) : AccessKey.temporary(ak, sk, securityToken);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Env " + CliContext.AK_ENV + "/" + CliContext.SK_ENV
                    + (securityToken != null ? "/" + CliContext.SECURITY_TOKEN_ENV : "") + ": " + e.getMessage());
        }
    }

    /** One IAM exchange for the run; a refused one is not repeated (repeated wrong passwords lock the user). */
    static TokenSource iamTokenSource(IamPasswordCredentials credentials, ClientSettings settings) {
        return new IamPasswordTokenSource(credentials, CsmsClient.newHttpClient(settings));
    }

    private Endpoint iamEndpoint(String region) {
        if (iamEndpoint != null) {
            return Endpoint.of(iamEndpoint);
        }
        if (region != null) {
            return Endpoint.iamForRegion(region);
        }
        throw new InvalidInputException("--iam-endpoint URL is required with a custom --endpoint and --iam-user or"
                + " --agency: credentials are never sent to a guessed host. Give the IAM base URL of that cloud, e.g."
                + " https://iam.myhuaweicloud.com.");
    }

    private static Token tokenFromEnv(CliContext ctx) {
        String raw = ctx.envValue(CliContext.TOKEN_ENV);
        if (raw == null) {
            throw new InvalidInputException("No token: set env " + CliContext.TOKEN_ENV + ", give --token-file FILE,"
                    + " or use --iam-user USER --iam-domain ACCOUNT with env " + CliContext.PASSWORD_ENV
                    + ". A token is never taken on the command line.");
        }
        try {
            return Token.of(raw);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Env " + CliContext.TOKEN_ENV + ": " + e.getMessage());
        }
    }
}
