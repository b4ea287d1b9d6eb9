package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.ClientSettings;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordCredentials;
import io.jenkins.plugins.huaweicloud.csms.client.IamPasswordTokenSource;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the token comes from. Never from an argument (it would show in {@code ps}): a token file, env
 * {@code CSMS_TOKEN}, or an IAM user whose password is in env {@code CSMS_IAM_PASSWORD}.
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
            description =
                    "IAM base URL. Default: https://iam.REGION.myhuaweicloud.com (.eu for eu-west-1*) for --region"
                            + " or for an --endpoint of the form https://kms.REGION.myhuaweicloud.com (.eu); required with any other"
                            + " --endpoint (the password is never sent to a guessed host).")
    String iamEndpoint;

    /** Which credential the run uses, for the log: never the secret itself. */
    String describe() {
        if (iamUser != null) {
            return "--iam-user " + iamUser;
        }
        return tokenFile != null ? "--token-file " + tokenFile : "env " + CliContext.TOKEN_ENV;
    }

    /**
     * Validates the options and builds the token source without sending anything: an IAM exchange happens on the
     * first deletion.
     *
     * @param region the region of the CSMS endpoint when it is an official one, or null
     */
    TokenSource resolve(CliContext ctx, ProjectId project, String region, ClientSettings settings) {
        if (iamUser == null) {
            if (iamDomain != null || iamEndpoint != null) {
                throw new InvalidInputException(
                        "--iam-domain and --iam-endpoint are used only with --iam-user: give --iam-user USER too,"
                                + " or drop them to use --token-file or env " + CliContext.TOKEN_ENV + ".");
            }
            return TokenSource.fixed(tokenFile != null ? TokenFiles.read(tokenFile) : tokenFromEnv(ctx));
        }
        if (tokenFile != null) {
            throw new InvalidInputException(
                    "Give either --token-file or --iam-user, not both: a run uses one kind of credential.");
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
        return iamTokenSource(credentials, settings);
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
        throw new InvalidInputException("--iam-endpoint URL is required with a custom --endpoint and --iam-user:"
                + " the IAM password is never sent to a guessed host. Give the IAM base URL of that cloud, e.g."
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
