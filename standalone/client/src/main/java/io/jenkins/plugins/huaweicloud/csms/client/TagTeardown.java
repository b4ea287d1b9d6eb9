package io.jenkins.plugins.huaweicloud.csms.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Finds the secrets that carry tags ({@code POST /v1/{project_id}/csms/resource_instances/action}, action
 * {@code filter}, paged by offset until a page is empty), with the rails of a prefix teardown: a maximum count above
 * which nothing is deleted at all. Each page is retried like the prefix listing. Sends no DELETE.
 */
public final class TagTeardown {
    public static final int DEFAULT_MAX_COUNT = PrefixTeardown.DEFAULT_MAX_COUNT;
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10_000;

    private TagTeardown() {}

    /** What the tags matched. {@code names} holds at most {@code maxCount} names; {@code matched} counts them all. */
    public record Plan(List<TagFilter> tags, List<SecretName> names, int matched, int maxCount, int skippedInvalid) {
        public boolean overLimit() {
            return matched > maxCount;
        }

        /** Why nothing may be deleted, or null when the plan is within its limit. */
        public String refusal() {
            return overLimit()
                    ? matched + " secrets have the tags " + describe(tags) + ", more than the maximum of " + maxCount
                            + ": nothing was deleted. Narrow the tags or raise the maximum count."
                    : null;
        }
    }

    /** {@code env=pr-42|pr-43 and team=x}. */
    public static String describe(List<TagFilter> tags) {
        return tags.stream().map(TagFilter::toString).collect(Collectors.joining(" and "));
    }

    /** Lists the matching secrets and plans the deletion; sends no DELETE. */
    public static Plan plan(CsmsClient client, ProjectId project, List<TagFilter> tags, int maxCount)
            throws ListingException, InterruptedException {
        return plan(client, Pacer.NONE, project, tags, maxCount);
    }

    /** The same, with the pages paced by a pacer the run shares with its deletions. */
    static Plan plan(CsmsClient client, Pacer pacer, ProjectId project, List<TagFilter> tags, int maxCount)
            throws ListingException, InterruptedException {
        if (tags == null || tags.isEmpty()) {
            throw new InvalidInputException("No tag given: give at least one KEY=VALUE, such as env=pr-42.");
        }
        if (maxCount < 1) {
            throw new InvalidInputException("Maximum count " + maxCount + " is invalid: it must be at least 1.");
        }
        HttpUrl url = client.endpoint()
                .urlBuilder()
                .addPathSegment("v1")
                .addPathSegment(project.value())
                .addPathSegment("csms")
                .addPathSegment("resource_instances")
                .addPathSegment("action")
                .build();
        SecretLister lister = new SecretLister(client, pacer);
        List<SecretName> names = new ArrayList<>();
        int matched = 0;
        int skipped = 0;
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = lister.fetchJson(
                            project,
                            url,
                            filterBody(tags, offset),
                            "resources",
                            client.settings().attempts())
                    .body();
            JsonNode resources = body.get("resources");
            if (resources.isEmpty()) {
                Collections.sort(names);
                return new Plan(List.copyOf(tags), List.copyOf(names), matched, maxCount, skipped);
            }
            for (JsonNode resource : resources) {
                String name = resource.path("resource_name").asText(null);
                if (client.redactor().reveals(name)) {
                    // A listed name holding a piece of a credential is an echo, not a secret of ours: never printed,
                    // never deleted (as in a prefix teardown).
                    skipped++;
                    continue;
                }
                SecretName valid;
                try {
                    valid = SecretName.of(name);
                } catch (InvalidInputException e) {
                    skipped++;
                    continue;
                }
                matched++;
                if (names.size() < maxCount) {
                    names.add(valid);
                }
            }
            offset += resources.size();
        }
        throw new ListingException("listing secrets by tag stopped after " + MAX_PAGES + " pages", 0, null, null);
    }

    /** The filter body; limit and offset are strings, as the API takes them. */
    static String filterBody(List<TagFilter> tags, int offset) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("action", "filter");
        body.put("limit", String.valueOf(PAGE_SIZE));
        body.put("offset", String.valueOf(offset));
        ArrayNode list = body.putArray("tags");
        for (TagFilter tag : tags) {
            ObjectNode t = list.addObject();
            t.put("key", tag.key());
            ArrayNode values = t.putArray("values");
            tag.values().forEach(values::add);
        }
        return body.toString();
    }
}
