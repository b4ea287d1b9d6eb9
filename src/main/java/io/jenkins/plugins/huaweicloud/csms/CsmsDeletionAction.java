package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.util.CopyOnWriteList;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The build page's list of every secret this build deleted or tried to delete: one row per secret and attempt
 * series, from Pipeline steps, build steps and post-build actions alike. Stored in {@code build.xml}; a row holds
 * only what the engine reports (names, status, error code and message, request id), never a token. The rows are a
 * copy-on-write list: XStream may be saving the run (from a parallel branch) while a step adds rows.
 */
public final class CsmsDeletionAction implements RunAction2 {
    private static final Logger LOG = Logger.getLogger(CsmsDeletionAction.class.getName());

    private final CopyOnWriteList<Row> rows = new CopyOnWriteList<>();

    private transient Run<?, ?> run;

    CsmsDeletionAction() {}

    /** Adds rows to the run's action (created on first use) and saves the run. Safe for parallel branches. */
    static void record(@NonNull Run<?, ?> run, @NonNull List<DeletionResult> results) {
        if (results.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        synchronized (CsmsDeletionAction.class) {
            CsmsDeletionAction action = run.getAction(CsmsDeletionAction.class);
            if (action == null) {
                action = new CsmsDeletionAction();
                run.addAction(action);
            }
            for (DeletionResult r : results) {
                action.rows.add(new Row(r, now));
            }
        }
        try {
            run.save();
        } catch (IOException e) {
            // The rows stay on the page and are saved with the run later; the log already has every result.
            LOG.log(Level.WARNING, "Could not save " + run, e);
        }
    }

    /** @return the rows, oldest first (an unmodifiable snapshot) */
    @NonNull
    public List<Row> getRows() {
        return rows.getView();
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
