package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A form's field checks: what a run would refuse, in the run's words; blank only refused for the project. */
class FormFieldTest {

    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    @Test
    void goodValuesPass() {
        assertThatCode(() -> {
                    FormField.PROJECT.check(" " + PROJECT + " ");
                    FormField.NAME.check("pr-42_db.password");
                    FormField.NAMES.check("a-1, b-2\nc-3 d-4");
                    FormField.PREFIX.check("pr-42-");
                    FormField.ENDPOINT.check("https://kms.cn-north-4.myhuaweicloud.com/");
                    FormField.ENDPOINT.check("http://127.0.0.1:8080");
                    FormField.REGION.check("cn-north-4");
                    FormField.TAGS.check("env=pr-42\nteam=web");
                    FormField.RECOVERY_WINDOW_DAYS.check("7");
                    FormField.RECOVERY_WINDOW_DAYS.check("30");
                    FormField.RECOVERY_WINDOW_DAYS.check("0");
                })
                .doesNotThrowAnyException();
    }

    @Test
    void badValuesAreRefusedWithTheRunsMessage() {
        assertThatThrownBy(() -> FormField.PROJECT.check("abc"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 to 64");
        assertThatThrownBy(() -> FormField.NAME.check("a/b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FormField.NAMES.check("ok-1, a/b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a/b");
        assertThatThrownBy(() -> FormField.ENDPOINT.check("http://example.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> FormField.REGION.check("CN North")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FormField.TAGS.check("no-equals-sign")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FormField.RECOVERY_WINDOW_DAYS.check("6"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("7")
                .hasMessageContaining("30");
        assertThatThrownBy(() -> FormField.RECOVERY_WINDOW_DAYS.check("a week"))
                .hasMessageContaining("whole number of days");
        assertThatThrownBy(() -> FormField.PREFIX.check("a/")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @EnumSource(value = FormField.class, names = "PROJECT", mode = EnumSource.Mode.EXCLUDE)
    void blankIsFineForEveryOptionalField(FormField field) {
        assertThatCode(() -> {
                    field.check(null);
                    field.check("  ");
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aBlankProjectIsRefusedSayingWhereToFindIt() {
        assertThatThrownBy(() -> FormField.PROJECT.check(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Project id is missing")
                .hasMessageContaining("API Credentials");
    }
}
