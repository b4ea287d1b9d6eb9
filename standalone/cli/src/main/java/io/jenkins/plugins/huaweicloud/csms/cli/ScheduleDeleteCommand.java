package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code csms schedule-delete}: the restorable deletion. Same selection options, output and exit codes as
 * {@code csms delete}; each secret is scheduled for deletion after a recovery window and {@code csms restore} undoes
 * it until then.
 */
@Command(
        name = "schedule-delete",
        description = {
            "Schedules CSMS secrets for deletion after a recovery window of 7 to 30 days (POST"
                    + " /v1/{project}/secrets/{name}/scheduled-deleted-tasks/create); until then they are"
                    + " PENDING_DELETE and 'csms restore' brings them back.",
            "Same selection (--name, --names-file, --prefix, --tag), options, output and exit codes as 'csms delete'."
        },
        exitCodeList = {
            "0:every secret's outcome is SUCCESS (scheduled)",
            "3:the worst outcome is UNSTABLE (e.g. already absent, or still throttled after the last attempt)",
            "1:at least one outcome is FAILURE (e.g. already pending deletion), or a selection failed",
            "2:invalid arguments or input; nothing was sent",
            "130:stopped by SIGINT (Ctrl-C), after the calls in flight finished or the grace ran out",
            "143:stopped by SIGTERM, likewise"
        })
final class ScheduleDeleteCommand extends DeleteCommand {

    @Option(
            names = "--recovery-days",
            paramLabel = "N",
            defaultValue = "30",
            description = "Recovery window in days, 7 to 30 (default ${DEFAULT-VALUE}, as CSMS's own default).")
    int recoveryDays;

    ScheduleDeleteCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    DeletionRequest.Action action() {
        return DeletionRequest.Action.SCHEDULE_DELETION;
    }

    @Override
    Integer recoveryDays() {
        return recoveryDays;
    }
}
