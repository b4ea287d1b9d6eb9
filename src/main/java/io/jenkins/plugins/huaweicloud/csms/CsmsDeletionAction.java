package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The build page's list of every secret this build deleted or tried to delete: one row per secret and attempt
 * series, from Pipeline steps, build steps and post-build actions alike. Stored in {@code build.xml}; a row holds
 * only what the engine reports (names, status, error code and message, request id), never a token.
 */
public final class CsmsDeletionAction implements RunAction2 {

    private final List<Row> rows = new ArrayList<>();

    private transient Run<?, ?> run;

    CsmsDeletionAction() {}

    /** Adds rows to the run's action, creating the action on first use. Safe for parallel branches. */
    static void record(@NonNull Run<?, ?> run, @NonNull List<DeletionResult> results) {
        synchronized (CsmsDeletionAction.class) {
            CsmsDeletionAction action = run.getAction(CsmsDeletionAction.class);
            if (action == null) {
                action = new CsmsDeletionAction();
                run.addAction(action);
            }
            long now = System.currentTimeMillis();
            synchronized (action.rows) {
                for (DeletionResult r : results) {
                    action.rows.add(new Row(r, now));
                }
            }
        }
    }

    /** @return a snapshot of the rows, oldest first */
    @NonNull
    public List<Row> getRows() {
        synchronized (rows) {
            return Collections.unmodifiableList(new ArrayList<>(rows));
        }
    }

    /** @return how many rows have each outcome, e.g. "2 SUCCESS, 1 UNSTABLE" */
    @NonNull
    public String getSummary() {
        int success = 0;
        int unstable = 0;
        int failure = 0;
        for (Row row : getRows()) {
            switch (row.getOutcome()) {
                case "SUCCESS" -> success++;
                case "UNSTABLE" -> unstable++;
                default -> failure++;
            }
        }
        return Messages.CsmsDeletionAction_summary(success, unstable, failure);
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-trash";
    }

    @Override
    public String getDisplayName() {
        return Messages.CsmsDeletionAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "huaweicloud-csms";
    }

    /** One secret's outcome as shown on the build page. Immutable. */
    public static final class Row {
        private final String name;
        private final String project;
        private final String endpointHost;
        private final String outcome;
        private final String kind;
        private final int status;
        private final String errorCode;
        private final String errorMessage;
        private final String requestId;
        private final int attempts;
        private final long durationMillis;
        private final long timestamp;
        private final String reason;

        Row(DeletionResult r, long timestamp) {
            this.name = r.name();
            this.project = r.project();
            this.endpointHost = r.endpointHost();
            this.outcome = r.outcome().name();
            this.kind = r.kind().name();
            this.status = r.status();
            this.errorCode = r.errorCode();
            this.errorMessage = r.errorMessage();
            this.requestId = r.requestId();
            this.attempts = r.attempts();
            this.durationMillis = r.duration().toMillis();
            this.timestamp = timestamp;
            this.reason = r.reason();
        }

        public String getName() {
            return name;
        }

        public String getProject() {
            return project;
        }

        public String getEndpointHost() {
            return endpointHost;
        }

        public String getOutcome() {
            return outcome;
        }

        public String getKind() {
            return kind;
        }

        /** @return the HTTP status, or 0 when no answer came */
        public int getStatus() {
            return status;
        }

        public String getErrorCode() {
            return errorCode;
        }

        public String getErrorMessage() {
            return errorMessage;
        }

        public String getRequestId() {
            return requestId;
        }

        public int getAttempts() {
            return attempts;
        }

        public long getDurationMillis() {
            return durationMillis;
        }

        public Date getTime() {
            return new Date(timestamp);
        }

        public String getReason() {
            return reason;
        }
    }
}
