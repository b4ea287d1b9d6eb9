package io.jenkins.plugins.huaweicloud.csms.client;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * What one call asks CSMS to do with a secret: delete it now, schedule its deletion after a recovery window, or cancel
 * a scheduled deletion (restore it). All three share the attempt loop, retries and result shape of a deletion.
 */
public final class SecretOperation {
    public static final int MIN_RECOVERY_DAYS = 7;
    public static final int MAX_RECOVERY_DAYS = 30;
    /** The window CSMS itself uses when none is given. */
    public static final int DEFAULT_RECOVERY_DAYS = 30;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    enum Kind {
        DELETE,
        SCHEDULE,
        CANCEL
    }

    static final SecretOperation DELETE = new SecretOperation(Kind.DELETE, 0);
    static final SecretOperation CANCEL = new SecretOperation(Kind.CANCEL, 0);

    private final Kind kind;
    private final int recoveryDays;

    private SecretOperation(Kind kind, int recoveryDays) {
        this.kind = kind;
        this.recoveryDays = recoveryDays;
    }

    /** An immediate deletion. */
    public static SecretOperation delete() {
        return DELETE;
    }

    /** A cancel of a scheduled deletion (restore). */
    public static SecretOperation cancelDeletion() {
        return CANCEL;
    }

    /** A scheduled deletion with this recovery window, validated: 7 to 30 days. */
    public static SecretOperation schedule(int recoveryDays) {
        return new SecretOperation(Kind.SCHEDULE, checkRecoveryDays(recoveryDays));
    }

    /** Validates a recovery window and returns it. */
    public static int checkRecoveryDays(int days) {
        if (days < MIN_RECOVERY_DAYS || days > MAX_RECOVERY_DAYS) {
            throw new InvalidInputException("Recovery window " + days + " is invalid: it must be from "
                    + MIN_RECOVERY_DAYS + " to " + MAX_RECOVERY_DAYS + " days (CSMS's default is "
                    + DEFAULT_RECOVERY_DAYS + ").");
        }
        return days;
    }

    /**
     * Checks a form's recovery window field: blank or 0 is "not given" (the form says what that means), anything else
     * must be a whole number from 7 to 30.
     */
    public static void checkRecoveryDaysField(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("0")) {
            return;
        }
        int days;
        try {
            days = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Recovery window " + LogText.quote(t) + " is invalid: it must be a whole"
                    + " number of days from " + MIN_RECOVERY_DAYS + " to " + MAX_RECOVERY_DAYS + ".");
        }
        checkRecoveryDays(days);
    }

    Kind kind() {
        return kind;
    }

    int recoveryDays() {
        return recoveryDays;
    }

    /** The URL, built from validated values one segment at a time: nothing in a name can change the path. */
    HttpUrl url(Endpoint endpoint, ProjectId project, SecretName name) {
        HttpUrl.Builder b = endpoint.urlBuilder()
                .addPathSegment("v1")
                .addPathSegment(project.value())
                .addPathSegment("secrets")
                .addPathSegment(name.value());
        if (kind != Kind.DELETE) {
            b.addPathSegment("scheduled-deleted-tasks").addPathSegment(kind == Kind.SCHEDULE ? "create" : "cancel");
        }
        return b.build();
    }

    /** Sets the method and body on a request to {@link #url}. */
    Request.Builder method(Request.Builder request) {
        return switch (kind) {
            case DELETE -> request.delete();
            case SCHEDULE ->
                request.post(RequestBody.create("{\"recovery_window_in_days\":" + recoveryDays + "}", JSON));
            case CANCEL -> request.post(RequestBody.create(new byte[0], JSON));
        };
    }

    /** The result of a 2xx answer. */
    ResultKind done() {
        return switch (kind) {
            case DELETE -> ResultKind.DELETED;
            case SCHEDULE -> ResultKind.SCHEDULED;
            case CANCEL -> ResultKind.RESTORED;
        };
    }

    String doneReason() {
        return switch (kind) {
            case DELETE -> "deleted";
            case SCHEDULE -> "deletion scheduled in " + recoveryDays + " days; until then `restore` cancels it";
            case CANCEL -> "restored: the scheduled deletion was cancelled";
        };
    }

    /** "delete", "schedule the deletion of", "restore": for "would ... NAME". */
    String verb() {
        return switch (kind) {
            case DELETE -> "delete";
            case SCHEDULE -> "schedule the deletion of";
            case CANCEL -> "restore";
        };
    }

    /** "deleted", "scheduled for deletion", "restored": for "N secrets would be ...". */
    String pastVerb() {
        return switch (kind) {
            case DELETE -> "deleted";
            case SCHEDULE -> "scheduled for deletion in " + recoveryDays + " days";
            case CANCEL -> "restored";
        };
    }

    /** "Deleting", "Scheduling the deletion (N days) of", "Restoring": for "... N secrets of project ...". */
    String gerund() {
        return switch (kind) {
            case DELETE -> "Deleting";
            case SCHEDULE -> "Scheduling the deletion (in " + recoveryDays + " days) of";
            case CANCEL -> "Restoring";
        };
    }

    /** What "absent" means for this operation, for the reason. */
    String nothingTo() {
        return switch (kind) {
            case DELETE -> "there was nothing to delete";
            case SCHEDULE -> "there was nothing to schedule for deletion";
            case CANCEL -> "there was nothing to restore";
        };
    }

    @Override
    public String toString() {
        return kind == Kind.SCHEDULE ? "SCHEDULE(" + recoveryDays + " days)" : kind.name();
    }
}
