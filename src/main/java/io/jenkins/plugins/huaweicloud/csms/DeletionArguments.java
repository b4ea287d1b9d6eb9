package io.jenkins.plugins.huaweicloud.csms;

import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;

/**
 * The fields the Pipeline step, the build step and the post-build action share, as their getters show them, and
 * their one mapping to the engine's request. {@code names} is one text everywhere: names separated by spaces, commas
 * or line breaks (a form's text area, and {@code names: 'a b c'} or {@code names: list.join(' ')} in a Pipeline).
 */
interface DeletionArguments {
    String getProject();

    String getName();

    String getNames();

    String getCredentialsId();

    String getEndpoint();

    String getRegion();

    String getIamDomain();

    String getAgencyName();

    String getAgencyDomain();

    String getIfMissing();

    int getAttempts();

    int getTimeout();

    /** The engine's request for these fields (0 for a number means "not given"). */
    default DeletionRequest.Builder toRequest() {
        return DeletionRequest.builder()
                .project(getProject())
                .name(getName())
                .names(DeletionRequest.splitNames(getNames()))
                .credentialsId(getCredentialsId())
                .endpoint(getEndpoint())
                .region(getRegion())
                .iamDomain(getIamDomain())
                .agencyName(getAgencyName())
                .agencyDomain(getAgencyDomain())
                .ifMissing(getIfMissing())
                .attempts(DeletionRequest.unlessZero(getAttempts()))
                .timeoutSeconds(DeletionRequest.unlessZero(getTimeout()));
    }
}
