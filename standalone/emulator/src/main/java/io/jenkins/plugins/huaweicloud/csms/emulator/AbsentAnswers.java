package io.jenkins.plugins.huaweicloud.csms.emulator;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The emulator-wide way of saying "absent", and per secret name exceptions to it. Thread-safe. */
final class AbsentAnswers {
    private volatile AbsentAnswer standard = AbsentAnswer.NOT_FOUND_404;
    private final Map<String, AbsentAnswer> perName = new ConcurrentHashMap<>();

    void standard(AbsentAnswer answer) {
        this.standard = Objects.requireNonNull(answer);
    }

    void forName(String name, AbsentAnswer answer) {
        perName.put(Objects.requireNonNull(name), Objects.requireNonNull(answer));
    }

    AbsentAnswer answerFor(String name) {
        return perName.getOrDefault(name, standard);
    }
}
