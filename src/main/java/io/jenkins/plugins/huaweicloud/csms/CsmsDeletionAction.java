package io.jenkins.plugins.huaweicloud.csms;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.util.CopyOnWriteList;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionRow;
import io.jenkins.plugins.huaweicloud.csms.client.OutcomeCounts;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * The build page's list of every secret this build deleted or tried to delete (the engine's {@link DeletionRow}s),
 * from every front end, stored in {@code build.xml}. Copy-on-write: XStream may save the run while a step adds rows.
 */
public final class CsmsDeletionAction implements RunAction2 {
    private final CopyOnWriteList<DeletionRow> rows = new CopyOnWriteList<>();
    private transient Run<?, ?> run;

    /** Adds rows to the run's action (created on first use) and saves the run. Safe for parallel branches. */
    static void record(@NonNull Run<?, ?> run, @NonNull List<DeletionResult> results) {
        if (results.isEmpty()) {
            return;
        }
        List<DeletionRow> added = DeletionRow.all(results, System.currentTimeMillis());
        synchronized (CsmsDeletionAction.class) {
            CsmsDeletionAction action = run.getAction(CsmsDeletionAction.class);
            if (action == null) {
                action = new CsmsDeletionAction();
                run.addAction(action);
            }
            action.rows.addAll(added);
        }
        try {
            run.save();
        } catch (IOException e) {
            // The rows stay on the page and are saved with the run later; the log already has every result.
            Logger.getLogger(CsmsDeletionAction.class.getName()).log(Level.WARNING, "Could not save " + run, e);
        }
    }

    /** @return the rows, oldest first (an unmodifiable snapshot) */
    @NonNull
    public List<DeletionRow> getRows() {
        return rows.getView();
    }

    /** @return how many rows have each outcome, e.g. "2 deleted or already handled, 1 unstable, 0 failed" */
    @NonNull
    public String getSummary() {
        OutcomeCounts counts = OutcomeCounts.of(getRows());
        return Messages.CsmsDeletionAction_summary(counts.success(), counts.unstable(), counts.failure());
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
}
