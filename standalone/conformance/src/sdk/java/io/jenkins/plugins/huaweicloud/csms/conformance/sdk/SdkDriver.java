package io.jenkins.plugins.huaweicloud.csms.conformance.sdk;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.csms.v1.CsmsClient;
import com.huaweicloud.sdk.csms.v1.model.ActionResources;
import com.huaweicloud.sdk.csms.v1.model.BatchCreateOrDeleteTagsRequest;
import com.huaweicloud.sdk.csms.v1.model.BatchCreateOrDeleteTagsRequestBody;
import com.huaweicloud.sdk.csms.v1.model.CreateSecretRequest;
import com.huaweicloud.sdk.csms.v1.model.CreateSecretRequestBody;
import com.huaweicloud.sdk.csms.v1.model.CreateSecretTagRequest;
import com.huaweicloud.sdk.csms.v1.model.CreateSecretTagRequestBody;
import com.huaweicloud.sdk.csms.v1.model.DeleteSecretForScheduleRequest;
import com.huaweicloud.sdk.csms.v1.model.DeleteSecretForScheduleRequestBody;
import com.huaweicloud.sdk.csms.v1.model.DeleteSecretRequest;
import com.huaweicloud.sdk.csms.v1.model.ListResourceInstancesRequest;
import com.huaweicloud.sdk.csms.v1.model.ListResourceInstancesRequestBody;
import com.huaweicloud.sdk.csms.v1.model.ListResourceInstancesResponse;
import com.huaweicloud.sdk.csms.v1.model.ListSecretTagsRequest;
import com.huaweicloud.sdk.csms.v1.model.ListSecretTagsResponse;
import com.huaweicloud.sdk.csms.v1.model.ListSecretsRequest;
import com.huaweicloud.sdk.csms.v1.model.ListSecretsResponse;
import com.huaweicloud.sdk.csms.v1.model.RestoreSecretRequest;
import com.huaweicloud.sdk.csms.v1.model.Secret;
import com.huaweicloud.sdk.csms.v1.model.ShowSecretRequest;
import com.huaweicloud.sdk.csms.v1.model.SysTag;
import com.huaweicloud.sdk.csms.v1.model.Tag;
import com.huaweicloud.sdk.csms.v1.model.TagItem;
import com.huaweicloud.sdk.csms.v1.model.TagMatches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The official SDK making one call per {@code apply(operation, arguments)}. What the SDK parsed comes back as JDK
 * types only (maps, lists, strings, numbers): every getter of the typed answer, {@code null} included, so the test
 * can check that each field came out set and right. A {@link ServiceResponseException} comes back as the map
 * {@code error.httpStatus}, {@code error.code}, {@code error.msg}, {@code error.requestId}.
 *
 * <p>Compiled against the SDK's own jars and loaded in its own class loader. The SDK signs every request with AK/SK;
 * the keys below are dummies that the test registers with the emulator, whose verifier checks each real signature.
 */
public final class SdkDriver implements BiFunction<String, List<String>, Map<String, Object>> {
    public static final String DUMMY_AK = "CONFORMANCEAKEMULATOR0";
    public static final String DUMMY_SK = "conformance-secret-key-for-the-emulator-only-0";

    private final CsmsClient client;

    public SdkDriver(String endpoint, String projectId) {
        BasicCredentials credentials =
                new BasicCredentials().withAk(DUMMY_AK).withSk(DUMMY_SK).withProjectId(projectId);
        this.client = CsmsClient.newBuilder()
                .withCredential(credentials)
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .withEndpoints(List.of(endpoint))
                .build();
    }

    @Override
    public Map<String, Object> apply(String operation, List<String> args) {
        try {
            return call(operation, args);
        } catch (ServiceResponseException e) {
            Map<String, Object> out = new HashMap<>();
            out.put("error.httpStatus", e.getHttpStatusCode());
            out.put("error.code", e.getErrorCode());
            out.put("error.msg", e.getErrorMsg());
            out.put("error.requestId", e.getRequestId());
            out.put("error.class", e.getClass().getSimpleName());
            return out;
        }
    }

    private Map<String, Object> call(String operation, List<String> a) {
        switch (operation) {
            case "create": {
                CreateSecretRequestBody body =
                        new CreateSecretRequestBody().withName(a.get(0)).withDescription(a.get(2));
                if (a.get(3) != null) {
                    body.withKmsKeyId(a.get(3));
                }
                if (a.size() > 4 && "binary".equals(a.get(4))) {
                    body.withSecretBinary(a.get(1));
                } else {
                    body.withSecretString(a.get(1));
                }
                var r = client.createSecret(new CreateSecretRequest().withBody(body));
                return withStatus(r.getHttpStatusCode(), "secret", secret(r.getSecret()));
            }
            case "show": {
                var r = client.showSecret(new ShowSecretRequest().withSecretName(a.get(0)));
                return withStatus(r.getHttpStatusCode(), "secret", secret(r.getSecret()));
            }
            case "list": {
                ListSecretsRequest request = new ListSecretsRequest().withLimit(a.get(0));
                if (a.size() > 1 && a.get(1) != null) {
                    request.withMarker(a.get(1));
                }
                ListSecretsResponse r = client.listSecrets(request);
                List<Map<String, Object>> secrets = new ArrayList<>();
                r.getSecrets().forEach(s -> secrets.add(secret(s)));
                Map<String, Object> out = withStatus(r.getHttpStatusCode(), "secrets", secrets);
                out.put("page.nextMarker", r.getPageInfo().getNextMarker());
                out.put("page.previousMarker", r.getPageInfo().getPreviousMarker());
                out.put("page.currentCount", r.getPageInfo().getCurrentCount());
                return out;
            }
            case "delete": {
                var r = client.deleteSecret(new DeleteSecretRequest().withSecretName(a.get(0)));
                return withStatus(r.getHttpStatusCode(), "deleted", true);
            }
            case "schedule": {
                DeleteSecretForScheduleRequestBody body = new DeleteSecretForScheduleRequestBody();
                if (a.size() > 1 && a.get(1) != null) {
                    body.withRecoveryWindowInDays(Integer.valueOf(a.get(1)));
                }
                var r = client.deleteSecretForSchedule(new DeleteSecretForScheduleRequest()
                        .withSecretName(a.get(0))
                        .withBody(body));
                return withStatus(r.getHttpStatusCode(), "secret", secret(r.getSecret()));
            }
            case "restore": {
                var r = client.restoreSecret(new RestoreSecretRequest().withSecretName(a.get(0)));
                return withStatus(r.getHttpStatusCode(), "secret", secret(r.getSecret()));
            }
            case "tag": {
                var r = client.createSecretTag(new CreateSecretTagRequest()
                        .withSecretId(a.get(0))
                        .withBody(new CreateSecretTagRequestBody()
                                .withTag(new TagItem().withKey(a.get(1)).withValue(a.get(2)))));
                return withStatus(r.getHttpStatusCode(), "tagged", true);
            }
            case "tagAction": {
                List<TagItem> items = new ArrayList<>();
                for (int i = 2; i + 1 < a.size(); i += 2) {
                    items.add(new TagItem().withKey(a.get(i)).withValue(a.get(i + 1)));
                }
                var r = client.batchCreateOrDeleteTags(new BatchCreateOrDeleteTagsRequest()
                        .withSecretId(a.get(0))
                        .withBody(new BatchCreateOrDeleteTagsRequestBody()
                                .withAction(a.get(1))
                                .withTags(items)));
                return withStatus(r.getHttpStatusCode(), "done", true);
            }
            case "tags": {
                ListSecretTagsResponse r = client.listSecretTags(new ListSecretTagsRequest().withSecretId(a.get(0)));
                Map<String, Object> out = withStatus(r.getHttpStatusCode(), "tags", tagItems(r.getTags()));
                out.put("sysTags", sysTags(r.getSysTags()));
                return out;
            }
            case "filter":
            case "count": {
                // limit, offset, then "key=v1,v2" per tag, then optionally "~name" for a resource_name match
                ListResourceInstancesRequestBody body = new ListResourceInstancesRequestBody().withAction(operation);
                if (a.get(0) != null) {
                    body.withLimit(a.get(0));
                }
                if (a.get(1) != null) {
                    body.withOffset(a.get(1));
                }
                List<Tag> tags = new ArrayList<>();
                List<TagMatches> matches = new ArrayList<>();
                for (String spec : a.subList(2, a.size())) {
                    if (spec.startsWith("~")) {
                        matches.add(new TagMatches().withKey("resource_name").withValue(spec.substring(1)));
                    } else {
                        int eq = spec.indexOf('=');
                        tags.add(new Tag()
                                .withKey(spec.substring(0, eq))
                                .withValues(Arrays.asList(spec.substring(eq + 1).split(","))));
                    }
                }
                body.withTags(tags);
                if (!matches.isEmpty()) {
                    body.withMatches(matches);
                }
                ListResourceInstancesResponse r = client.listResourceInstances(new ListResourceInstancesRequest()
                        .withResourceInstances("resource_instances")
                        .withBody(body));
                Map<String, Object> out = withStatus(r.getHttpStatusCode(), "totalCount", r.getTotalCount());
                if (r.getResources() != null) {
                    List<Map<String, Object>> resources = new ArrayList<>();
                    for (ActionResources res : r.getResources()) {
                        Map<String, Object> m = new HashMap<>();
                        m.put("resourceId", res.getResourceId());
                        m.put("resourceName", res.getResourceName());
                        m.put("resourceDetail", secret(res.getResourceDetail()));
                        m.put("tags", tagItems(res.getTags()));
                        m.put("sysTags", sysTags(res.getSysTags()));
                        resources.add(m);
                    }
                    out.put("resources", resources);
                }
                return out;
            }
            default:
                throw new IllegalArgumentException("unknown operation " + operation);
        }
    }

    private static Map<String, Object> withStatus(int status, String key, Object value) {
        Map<String, Object> out = new HashMap<>();
        out.put("httpStatus", status);
        out.put(key, value);
        return out;
    }

    /** Every field of the SDK's Secret model, as the SDK parsed it. */
    private static Map<String, Object> secret(Secret s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new HashMap<>();
        m.put("id", s.getId());
        m.put("name", s.getName());
        m.put("state", s.getState());
        m.put("kmsKeyId", s.getKmsKeyId());
        m.put("description", s.getDescription());
        m.put("createTime", s.getCreateTime());
        m.put("updateTime", s.getUpdateTime());
        m.put("scheduledDeleteTime", s.getScheduledDeleteTime());
        m.put("secretType", s.getSecretType() == null ? null : s.getSecretType().getValue());
        m.put("autoRotation", s.getAutoRotation());
        m.put("rotationPeriod", s.getRotationPeriod());
        m.put("rotationConfig", s.getRotationConfig());
        m.put("rotationTime", s.getRotationTime());
        m.put("nextRotationTime", s.getNextRotationTime());
        m.put("eventSubscriptions", s.getEventSubscriptions() == null ? null : List.copyOf(s.getEventSubscriptions()));
        m.put("enterpriseProjectId", s.getEnterpriseProjectId());
        m.put("rotationFuncUrn", s.getRotationFuncUrn());
        return m;
    }

    private static List<Map<String, Object>> tagItems(List<TagItem> items) {
        if (items == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (TagItem t : items) {
            Map<String, Object> m = new HashMap<>();
            m.put("key", t.getKey());
            m.put("value", t.getValue());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> sysTags(List<SysTag> tags) {
        if (tags == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (SysTag t : tags) {
            Map<String, Object> m = new HashMap<>();
            m.put("key", t.getKey());
            m.put("value", t.getValue());
            out.add(m);
        }
        return out;
    }
}
