package io.jenkins.plugins.huaweicloud.csms.client;

/**
 * What a configuration page (Jenkins' global configuration) supplies when a request leaves a value out; the rules its
 * setters apply are {@link GlobalSetting}'s.
 */
public final class DeletionDefaults {
    public static final String DEFAULT_IF_MISSING = "UNSTABLE";
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final int DEFAULT_CONNECT_TIMEOUT = 10;
    public static final int DEFAULT_READ_TIMEOUT = 30;
    public static final int DEFAULT_CALL_TIMEOUT = 60;
    public static final int MAX_CONNECT_TIMEOUT = 600;
    public static final int MAX_READ_TIMEOUT = 600;
    public static final int MAX_CALL_TIMEOUT = 1800;

    /** No configuration: only the request and the built-in defaults count (the command line). */
    public static final DeletionDefaults NONE = builder().build();

    private final String endpoint;
    private final String region;
    private final String iamEndpoint;
    private final String iamDomain;
    private final String agencyName;
    private final String agencyDomain;
    private final String credentialsId;
    private final String ifMissing;
    private final Integer attempts;
    private final Integer connectTimeout;
    private final Integer readTimeout;
    private final Integer callTimeout;

    private DeletionDefaults(Builder b) {
        this.endpoint = DeletionRequest.blankToNull(b.endpoint);
        this.region = DeletionRequest.blankToNull(b.region);
        this.iamEndpoint = DeletionRequest.blankToNull(b.iamEndpoint);
        this.iamDomain = DeletionRequest.blankToNull(b.iamDomain);
        this.agencyName = DeletionRequest.blankToNull(b.agencyName);
        this.agencyDomain = DeletionRequest.blankToNull(b.agencyDomain);
        this.credentialsId = DeletionRequest.blankToNull(b.credentialsId);
        this.ifMissing = DeletionRequest.blankToNull(b.ifMissing);
        this.attempts = b.attempts;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    String endpoint() {
        return endpoint;
    }

    String region() {
        return region;
    }

    String iamEndpoint() {
        return iamEndpoint;
    }

    String iamDomain() {
        return iamDomain;
    }

    String agencyName() {
        return agencyName;
    }

    String agencyDomain() {
        return agencyDomain;
    }

    String credentialsId() {
        return credentialsId;
    }

    String ifMissing() {
        return ifMissing;
    }

    Integer attempts() {
        return attempts;
    }

    Integer connectTimeout() {
        return connectTimeout;
    }

    Integer readTimeout() {
        return readTimeout;
    }

    Integer callTimeout() {
        return callTimeout;
    }

    /** Named fields; every one optional. */
    public static final class Builder {
        private String endpoint;
        private String region;
        private String iamEndpoint;
        private String iamDomain;
        private String agencyName;
        private String agencyDomain;
        private String credentialsId;
        private String ifMissing;
        private Integer attempts;
        private Integer connectTimeout;
        private Integer readTimeout;
        private Integer callTimeout;

        private Builder() {}

        public Builder endpoint(String v) {
            endpoint = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder iamEndpoint(String v) {
            iamEndpoint = v;
            return this;
        }

        public Builder iamDomain(String v) {
            iamDomain = v;
            return this;
        }

        /** The agency the configured credential assumes (an access key only); with agencyDomain. */
        public Builder agencyName(String v) {
            agencyName = v;
            return this;
        }

        public Builder agencyDomain(String v) {
            agencyDomain = v;
            return this;
        }

        public Builder credentialsId(String v) {
            credentialsId = v;
            return this;
        }

        public Builder ifMissing(String v) {
            ifMissing = v;
            return this;
        }

        public Builder attempts(Integer v) {
            attempts = v;
            return this;
        }

        public Builder connectTimeout(Integer seconds) {
            connectTimeout = seconds;
            return this;
        }

        public Builder readTimeout(Integer seconds) {
            readTimeout = seconds;
            return this;
        }

        public Builder callTimeout(Integer seconds) {
            callTimeout = seconds;
            return this;
        }

        public DeletionDefaults build() {
            return new DeletionDefaults(this);
        }
    }
}
