package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * A stored credential as the engine sees it, before anything is validated or sent: an IAM token, an IAM user's name
 * and password, or an access key (AK/SK). A front end maps its own credential types to these;
 * {@link CredentialSources} turns them into an {@link Authentication}. No {@link #toString()} shows a secret.
 */
public sealed interface CloudCredential {

    /** An IAM token used as it is (e.g. Jenkins "Secret text"). */
    static CloudCredential iamToken(String token) {
        return new IamToken(token);
    }

    /** An IAM user whose password is exchanged for a project-scoped token (the account comes from the settings). */
    static CloudCredential iamUser(String user, String password) {
        return new IamUser(user, password);
    }

    /** A long-term access key pair that signs requests, and can assume an agency. */
    static CloudCredential accessKey(String accessKeyId, String secretKey) {
        return new AccessKeyPair(accessKeyId, secretKey);
    }

    /** What it is, for messages: "an IAM token", never a value. */
    String kind();

    /** Registers its secret values, so that nothing derived from them reaches a message. */
    void registerWith(SecretRedactor redactor);

    /** An IAM token. */
    record IamToken(String token) implements CloudCredential {
        @Override
        public String kind() {
            return "an IAM token";
        }

        @Override
        public void registerWith(SecretRedactor redactor) {
            redactor.register(token);
        }

        @Override
        public String toString() {
            return "IamToken[****]";
        }
    }

    /** An IAM user name and password; the user name is not a secret. */
    record IamUser(String user, String password) implements CloudCredential {
        @Override
        public String kind() {
            return "an IAM user name and password";
        }

        @Override
        public void registerWith(SecretRedactor redactor) {
            redactor.register(password);
        }

        @Override
        public String toString() {
            return "IamUser[user=" + user + ", password=****]";
        }
    }

    /** An access key id (AK) and its secret access key (SK). Like {@link AccessKey}, shows neither. */
    record AccessKeyPair(String accessKeyId, String secretKey) implements CloudCredential {
        @Override
        public String kind() {
            return "an access key (AK/SK)";
        }

        @Override
        public void registerWith(SecretRedactor redactor) {
            redactor.register(secretKey);
        }

        @Override
        public String toString() {
            return "AccessKeyPair[****]";
        }
    }
}
