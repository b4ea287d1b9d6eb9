package io.jenkins.plugins.huaweicloud.csms.client;

import static io.jenkins.plugins.huaweicloud.csms.client.Outcome.FAILURE;
import static io.jenkins.plugins.huaweicloud.csms.client.Outcome.SUCCESS;
import static io.jenkins.plugins.huaweicloud.csms.client.Outcome.UNSTABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPolicyTest {
    /** The default status table of ARCHITECTURE.md, one row per kind. */
    private static final Map<ResultKind, Outcome> TABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(ResultKind.DELETED, SUCCESS), // 2xx
            Map.entry(ResultKind.ALREADY_ABSENT, UNSTABLE), // 404, 400 CSMS.0005 / CSMS.0106: ifMissing default
            Map.entry(ResultKind.ABSENT_AFTER_RETRY, SUCCESS), // absent after an ambiguous earlier attempt
            Map.entry(ResultKind.SCHEDULED, SUCCESS), // 2xx on a scheduled deletion
            Map.entry(ResultKind.RESTORED, SUCCESS), // 2xx on a cancel
            Map.entry(ResultKind.NOT_SCHEDULED, UNSTABLE), // cancel: 400 CSMS.0108, nothing to restore
            Map.entry(ResultKind.PENDING_DELETION, FAILURE), // 400 CSMS.0103 / CSMS.0107: not deleted now
            Map.entry(ResultKind.REJECTED, FAILURE), // 400 with other codes
            Map.entry(ResultKind.UNAUTHORIZED, FAILURE), // 401
            Map.entry(ResultKind.FORBIDDEN, FAILURE), // 403
            Map.entry(ResultKind.THROTTLED, UNSTABLE), // 429 after the last attempt
            Map.entry(ResultKind.SERVER_ERROR, UNSTABLE), // 5xx after the last attempt
            Map.entry(ResultKind.NETWORK_ERROR, UNSTABLE), // timeouts, resets after the last attempt
            Map.entry(ResultKind.REDIRECT, FAILURE), // 3xx
            Map.entry(ResultKind.UNEXPECTED_STATUS, FAILURE), // any other status
            Map.entry(ResultKind.TOKEN_ERROR, FAILURE))); // no token: needs a person

    @Test
    void defaultsFollowTheStatusTableForEveryKind() {
        // a new ResultKind without a documented row fails here
        assertThat(TABLE.keySet()).isEqualTo(EnumSet.allOf(ResultKind.class));
        for (ResultKind kind : ResultKind.values()) {
            assertThat(StatusPolicy.defaults().outcomeFor(kind)).as(kind.name()).isEqualTo(TABLE.get(kind));
            assertThat(StatusPolicy.builder().build().outcomeFor(kind))
                    .as(kind.name())
                    .isEqualTo(TABLE.get(kind));
            assertThat(kind.words()).as(kind.name()).isNotBlank();
        }
        assertThat(StatusPolicy.defaults().ifMissing()).isEqualTo(UNSTABLE);
        assertThat(StatusPolicy.builder().build()).isEqualTo(StatusPolicy.defaults());
    }

    @Test
    void ifMissingOverridesOnlyTheAlreadyAbsentRow() {
        StatusPolicy p = StatusPolicy.builder().ifMissing(SUCCESS).build();
        assertThat(p.ifMissing()).isEqualTo(SUCCESS);
        assertThat(p.outcomeFor(ResultKind.ALREADY_ABSENT)).isEqualTo(SUCCESS);
        for (ResultKind kind : EnumSet.complementOf(EnumSet.of(ResultKind.ALREADY_ABSENT))) {
            assertThat(p.outcomeFor(kind)).as(kind.name()).isEqualTo(TABLE.get(kind));
        }
        assertThat(p).isNotEqualTo(StatusPolicy.defaults());
    }

    @Test
    void anyRowCanBeOverriddenWithoutChangingTheOriginal() {
        StatusPolicy strict = StatusPolicy.defaults().toBuilder()
                .outcome(ResultKind.THROTTLED, FAILURE)
                .outcome(ResultKind.FORBIDDEN, UNSTABLE)
                .build();
        assertThat(strict.outcomeFor(ResultKind.THROTTLED)).isEqualTo(FAILURE);
        assertThat(strict.outcomeFor(ResultKind.FORBIDDEN)).isEqualTo(UNSTABLE);
        assertThat(StatusPolicy.defaults().outcomeFor(ResultKind.THROTTLED)).isEqualTo(UNSTABLE);
        assertThat(StatusPolicy.defaults().outcomeFor(ResultKind.FORBIDDEN)).isEqualTo(FAILURE);

        StatusPolicy.Builder b = strict.toBuilder();
        StatusPolicy copy = b.build();
        b.outcome(ResultKind.DELETED, FAILURE);
        assertThat(copy).isEqualTo(strict).hasSameHashCodeAs(strict);
        assertThat(copy.outcomeFor(ResultKind.DELETED)).isEqualTo(SUCCESS);
    }

    @Test
    void refusesNullRows() {
        StatusPolicy.Builder b = StatusPolicy.builder();
        assertThatThrownBy(() -> b.outcome(null, SUCCESS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.ifMissing(null)).isInstanceOf(NullPointerException.class);
    }
}
