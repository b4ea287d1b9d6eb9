package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.regex.Pattern;

/** Request ids are shown to people and to Huawei support: keep only ones that look like ids. */
final class RequestIds {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    static String clean(String requestId) {
        if (requestId == null) {
            return null;
        }
        String r = requestId.strip();
        return SHAPE.matcher(r).matches() ? r : null;
    }
}
