package io.jenkins.plugins.huaweicloud.csms.client;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodyTest {
    @Test
    void flatCsmsError() {
        ErrorBody e =
                ErrorBody.parse("{\"error_code\": \"CSMS.0005\", \"error_msg\": \"The resource does not exist.\"}");
        assertThat(e).isEqualTo(new ErrorBody("CSMS.0005", "The resource does not exist.", null));
    }

    @Test
    void nestedError() {
        ErrorBody e = ErrorBody.parse(
                "{\"error\": {\"error_code\": \"CSMS.0106\", \"error_msg\": \"Secret name not found\"}}");
        assertThat(e).isEqualTo(new ErrorBody("CSMS.0106", "Secret name not found", null));
    }

    @Test
    void gatewayErrorWithRequestId() {
        ErrorBody e = ErrorBody.parse("{\"error_code\":\"APIG.0301\",\"error_msg\":\"Incorrect IAM authentication"
                + " information: token expires, expires_at:2026-11-30T15:06:31.000000Z\","
                + "\"request_id\":\"0e1f2a3b4c5d6e7f80910a1b2c3d4e5f\"}");
        assertThat(e.code()).isEqualTo("APIG.0301");
        assertThat(e.message()).startsWith("Incorrect IAM authentication information: token expires");
        assertThat(e.requestId()).isEqualTo("0e1f2a3b4c5d6e7f80910a1b2c3d4e5f");
    }

    @Test
    void iamErrorWithNumericCode() {
        ErrorBody e = ErrorBody.parse("{\"error\": {\"code\": 401, \"message\": \"The request you have made requires"
                + " authentication.\", \"title\": \"Unauthorized\"}}");
        assertThat(e).isEqualTo(new ErrorBody("401", "The request you have made requires authentication.", null));
    }

    @Test
    void requestIdInsideTheNestedObject() {
        ErrorBody e = ErrorBody.parse(
                "{\"error\":{\"error_code\":\"CSMS.0002\",\"error_msg\":\"bad\",\"request_id\":\"r-1\"}}");
        assertThat(e.requestId()).isEqualTo("r-1");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "  \n ",
                "<html><body><script>var x = 1;</script></body></html>",
                "[]",
                "[{\"error_code\":\"CSMS.0005\"}]",
                "\"x\"",
                "42"
            })
    void bodiesWithoutAnErrorGiveNothing(String body) {
        assertThat(ErrorBody.parse(body)).isEqualTo(ErrorBody.NONE);
    }

    @Test
    void aTopLevelPairWinsOverANestedOne() {
        ErrorBody e = ErrorBody.parse("{\"error\":{\"error_code\":\"CSMS.0106\",\"error_msg\":\"nested\"},"
                + "\"error_code\":\"CSMS.0005\",\"error_msg\":\"top\"}");
        assertThat(e).isEqualTo(new ErrorBody("CSMS.0005", "top", null));
    }

    @Test
    void nestedObjectsAreSearchedAtAnyDepth() {
        ErrorBody e = ErrorBody.parse("{\"request_id\":\"r-9\",\"data\":{\"detail\":[{\"x\":1},"
                + "{\"inner\":{\"error_code\":\"CSMS.0103\",\"error_msg\":\"pending deletion\"}}]}}");
        assertThat(e).isEqualTo(new ErrorBody("CSMS.0103", "pending deletion", "r-9"));
    }

    @Test
    void anErrorCodePairDeeperDownWinsOverAPlainCodeMessagePair() {
        ErrorBody e = ErrorBody.parse("{\"status\":{\"code\":\"400\",\"message\":\"Bad Request\"},"
                + "\"body\":{\"err\":{\"error_code\":\"CSMS.0002\",\"error_msg\":\"Invalid limit\"}}}");
        assertThat(e).isEqualTo(new ErrorBody("CSMS.0002", "Invalid limit", null));
    }

    @Test
    void aDeeplyNestedHostileBodyNeverThrows() {
        String deep = "{\"a\":".repeat(900) + "{\"error_code\":\"CSMS.0005\"}" + "}".repeat(900);
        ErrorBody e = ErrorBody.parse(deep);
        assertThat(e.code()).isEqualTo("CSMS.0005");
    }

    @Test
    void anHtmlPageGivesAShortPlainTextExcerpt() {
        ErrorBody e = ErrorBody.parse("<!DOCTYPE html><html><head><title>502 Bad Gateway</title>"
                + "<style>body{color:red}</style><script>alert('x')</script></head>"
                + "<body><h1>502 Bad Gateway</h1><p>The upstream &amp; its &lt;pool&gt; did not answer.</p>"
                + "<hr><center>nginx</center></body></html>");
        assertThat(e.code()).isNull();
        assertThat(e.message())
                .isEqualTo("502 Bad Gateway 502 Bad Gateway The upstream & its ‹pool› did not answer. nginx")
                .doesNotContain("<", ">", "color", "alert");
    }

    @Test
    void aLongHtmlPageGivesABoundedExcerpt() {
        ErrorBody e = ErrorBody.parse("<html><body><p>" + "word ".repeat(5_000) + "</p></body></html>");
        assertThat(e.message())
                .hasSizeLessThanOrEqualTo(PlainExcerpt.MAX_LENGTH)
                .startsWith("word word");
        assertThat(e.message()).endsWith("…");
    }

    @Test
    void aPlainTextBodyIsItsOwnExcerpt() {
        assertThat(ErrorBody.parse("Service Unavailable\r\n").message()).isEqualTo("Service Unavailable");
    }

    @Test
    void aStrayGreaterThanSignInTheTextIsNotKept() {
        assertThat(ErrorBody.parse("<html><body>a > b</body></html>").message()).isEqualTo("a › b");
    }

    @Property(tries = 200)
    void anExcerptNeverHoldsATagOrAControlCharacter(@ForAll String text) {
        ErrorBody e = ErrorBody.parse("<html><body>" + text + "</body></html>");
        if (e.message() != null) {
            assertThat(e.message()).doesNotContain("<", ">");
            assertThat(e.message().length()).isLessThanOrEqualTo(PlainExcerpt.MAX_LENGTH);
            assertThat(e.message().codePoints()).noneMatch(Character::isISOControl);
        }
    }

    @Test
    void truncatedJsonCutMidMessageStillGivesCodeAndTheMessageSoFar() {
        ErrorBody e = ErrorBody.parse(
                "{\"request_id\":\"abc-123\",\"error_code\":\"CSMS.0005\",\"error_msg\":\"The resource does not ex");
        assertThat(e).isEqualTo(new ErrorBody("CSMS.0005", "The resource does not ex", "abc-123"));
    }

    @Test
    void controlCharactersAndNewlinesInTheMessageAreRemoved() {
        ErrorBody e = ErrorBody.parse("{\"error_code\":\"CSMS.0002\","
                + "\"error_msg\":\"bad name\\r\\n[Pipeline] echo FAKE SUCCESS\\u0000\\u001b[31m\\u202Eexe.txt\"}");
        assertThat(e.message())
                .isEqualTo("bad name [Pipeline] echo FAKE SUCCESS [31m exe.txt")
                .doesNotContain("\n", "\r", "\u0000", "\u001b", "\u202E");
    }

    @Test
    void aVeryLongMessageIsCappedWithAnEllipsis() {
        String longMsg = "x".repeat(10_000);
        ErrorBody e = ErrorBody.parse("{\"error_code\":\"CSMS.0002\",\"error_msg\":\"" + longMsg + "\"}");
        assertThat(e.message()).hasSize(LogText.MAX_LENGTH).endsWith("…");
        assertThat(e.message()).startsWith("x".repeat(LogText.MAX_LENGTH - 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"CSMS 0005 <script>\"",
                "{\"nested\": 1}",
                "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"" // 65
            })
    void bogusCodeShapesAreDroppedButTheMessageKept(String code) {
        ErrorBody e = ErrorBody.parse("{\"error_code\": " + code + ", \"error_msg\": \"Invalid parameter\"}");
        assertThat(e.code()).isNull();
        assertThat(e.message()).isEqualTo("Invalid parameter");
    }

    @Test
    void aRequestIdOfTheWrongShapeIsDropped() {
        ErrorBody e = ErrorBody.parse("{\"error_code\":\"APIG.0308\",\"error_msg\":\"over ratelimit\","
                + "\"request_id\":\"abc def\\nFORGED\"}");
        assertThat(e.code()).isEqualTo("APIG.0308");
        assertThat(e.requestId()).isNull();
    }

    @Test
    void aMessageOfOnlyControlCharactersIsAbsent() {
        ErrorBody e = ErrorBody.parse("{\"error_code\":\"CSMS.0002\",\"error_msg\":\"\\u0000\\u202E\"}");
        assertThat(e.message()).isNull();
    }

    @Property(tries = 300)
    void neverThrowsAndOnlyGivesCleanValues(@ForAll String body) {
        ErrorBody e = ErrorBody.parse(body);
        checkClean(e);
        checkClean(ErrorBody.parse("{\"error_code\":\"CSMS.0002\",\"error_msg\":\"" + body));
    }

    private static void checkClean(ErrorBody e) {
        if (e.code() != null) {
            assertThat(e.code()).matches("[A-Za-z0-9._-]{1,64}");
        }
        if (e.message() != null) {
            assertThat(e.message().length()).isLessThanOrEqualTo(LogText.MAX_LENGTH);
            assertThat(e.message().codePoints()).noneMatch(Character::isISOControl);
        }
        if (e.requestId() != null) {
            assertThat(e.requestId()).matches("[A-Za-z0-9._:-]{1,128}");
        }
    }
}
