package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;

/**
 * The stdout line per secret. {@link #TEXT}: seven tab-separated fields, {@code -} for an empty one:
 *
 * <pre>OUTCOME  NAME  HTTP_STATUS  ERROR_CODE  REQUEST_ID  KIND  ATTEMPTS</pre>
 *
 * e.g. {@code UNSTABLE\tpr-42-cache\t404\tCSMS.0005\t3f2a...\tALREADY_ABSENT\t1}. No field can hold a tab, space or
 * line break. {@link #JSON}: {@link DeletionResult#toJson()}, one object per line.
 */
public enum OutputFormat {
    TEXT {
        @Override
        public String line(DeletionResult r) {
            return String.join(
                    "\t",
                    r.outcome().name(),
                    field(r.name()),
                    r.status() == 0 ? "-" : Integer.toString(r.status()),
                    field(r.errorCode()),
                    field(r.requestId()),
                    r.kind().name(),
                    Integer.toString(r.attempts()));
        }
    },
    JSON {
        @Override
        public String line(DeletionResult r) {
            return r.toJson();
        }

        @Override
        public String dryRunLine(SecretName name) {
            // Names are validated: nothing in one needs escaping in JSON.
            return "{\"name\":\"" + name.value() + "\",\"dryRun\":true}";
        }
    };

    public abstract String line(DeletionResult result);

    /** What {@code --dry-run} prints for a secret it would delete. */
    public String dryRunLine(SecretName name) {
        return "DRY-RUN\t" + name.value();
    }

    /** {@code -} for nothing; anything outside printable ASCII without spaces becomes {@code ?}. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            s.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return s.toString();
    }
}
