package io.jenkins.plugins.huaweicloud.csms.emulator;

/** The {@code /v1/{project_id}/...} paths the emulator serves, told apart by their raw segments. */
enum ApiRoute {
    /** {@code /secrets}: list (GET) and create (POST). */
    SECRETS,
    /** {@code /secrets/{name}}: show (GET) and immediate delete (DELETE). */
    SECRET,
    /** {@code /secrets/{name}/scheduled-deleted-tasks/create}. */
    SCHEDULE_DELETION,
    /** {@code /secrets/{name}/scheduled-deleted-tasks/cancel}. */
    CANCEL_DELETION,
    /** {@code /csms/{secret_id}/tags}: list (GET) and add one (POST). */
    TAGS,
    /** {@code /csms/{secret_id}/tags/action}: add or remove several (POST). */
    TAGS_ACTION,
    /** {@code /csms/{secret_id}/tags/{key}}: remove one (DELETE). */
    TAG,
    /** {@code /csms/resource_instances/action}: filter or count secrets by tag (POST). */
    RESOURCE_INSTANCES;

    /** The route of a raw path split on {@code /} ({@code "", "v1", project, ...}), or {@code null}. */
    static ApiRoute of(String[] parts) {
        if (parts.length < 4 || !parts[0].isEmpty() || !"v1".equals(parts[1])) {
            return null;
        }
        if ("secrets".equals(parts[3])) {
            if (parts.length == 4) {
                return SECRETS;
            }
            if (parts.length == 5) {
                return SECRET;
            }
            if (parts.length == 7 && "scheduled-deleted-tasks".equals(parts[5])) {
                return "create".equals(parts[6])
                        ? SCHEDULE_DELETION
                        : "cancel".equals(parts[6]) ? CANCEL_DELETION : null;
            }
            return null;
        }
        if ("csms".equals(parts[3]) && parts.length >= 6) {
            if (parts.length == 6 && "resource_instances".equals(parts[4]) && "action".equals(parts[5])) {
                return RESOURCE_INSTANCES;
            }
            if ("tags".equals(parts[5])) {
                if (parts.length == 6) {
                    return TAGS;
                }
                if (parts.length == 7) {
                    return "action".equals(parts[6]) ? TAGS_ACTION : TAG;
                }
            }
        }
        return null;
    }
}
