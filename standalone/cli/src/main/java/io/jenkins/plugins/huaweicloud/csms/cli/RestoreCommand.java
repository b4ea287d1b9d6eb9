package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.DeletionRequest;
import picocli.CommandLine.Command;

/** {@code csms restore}: cancels scheduled deletions. Same selection options, output and exit codes as delete. */
@Command(
        name = "restore",
        description = {
            "Cancels the scheduled deletion of CSMS secrets (POST"
                    + " /v1/{project}/secrets/{name}/scheduled-deleted-tasks/cancel): they are ENABLED again.",
            "Same selection (--name, --names-file, --prefix, --tag), options, output and exit codes as 'csms delete'."
        },
        exitCodeList = {
            "0:every secret's outcome is SUCCESS (restored)",
            "3:the worst outcome is UNSTABLE (e.g. not pending deletion, already absent, or still throttled)",
            "1:at least one outcome is FAILURE, or a selection failed",
            "2:invalid arguments or input; nothing was sent",
            "130:stopped by SIGINT (Ctrl-C), after the calls in flight finished or the grace ran out",
            "143:stopped by SIGTERM, likewise"
        })
final class RestoreCommand extends DeleteCommand {

    RestoreCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    DeletionRequest.Action action() {
        return DeletionRequest.Action.RESTORE;
    }
}
