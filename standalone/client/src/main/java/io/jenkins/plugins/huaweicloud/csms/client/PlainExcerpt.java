package io.jenkins.plugins.huaweicloud.csms.client;

import java.util.Locale;

/**
 * A short plain-text excerpt of a body that is not JSON, such as a gateway's HTML error page: tags, scripts and styles
 * removed, common entities decoded, white space collapsed, at most {@link #MAX_LENGTH} characters. The result is plain
 * data; it is cleaned for a log line like every other server text.
 */
final class PlainExcerpt {
    static final int MAX_LENGTH = 200;

    /** Characters of the body looked at: an error page says what it has to say near its start. */
    private static final int MAX_SCANNED = 16 * 1024;

    private PlainExcerpt() {}

    /** The excerpt, or null when nothing readable is left. */
    static String of(String body) {
        String text = body.length() > MAX_SCANNED ? body.substring(0, MAX_SCANNED) : body;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length() && out.length() <= MAX_LENGTH * 2) {
            char c = text.charAt(i);
            if (c == '<') {
                i = skipMarkup(text, i);
                out.append(' ');
            } else if (c == '&') {
                i = appendEntity(text, i, out);
            } else {
                out.append(c == '>' ? '›' : c); // a stray '>' in the text must not look like markup either
                i++;
            }
        }
        String cleaned = LogText.clean(out.toString(), MAX_LENGTH);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    // Skips a tag; for <script> and <style> also their content, which is code, not words for a person.
    private static int skipMarkup(String text, int start) {
        int end = text.indexOf('>', start);
        if (end < 0) {
            return text.length(); // a cut-off tag: nothing after it is readable text
        }
        String tag = text.substring(start + 1, end).strip().toLowerCase(Locale.ROOT);
        for (String block : new String[] {"script", "style"}) {
            if (tag.startsWith(block)) {
                int close = text.toLowerCase(Locale.ROOT).indexOf("</" + block, end);
                if (close < 0) {
                    return text.length();
                }
                int closeEnd = text.indexOf('>', close);
                return closeEnd < 0 ? text.length() : closeEnd + 1;
            }
        }
        return end + 1;
    }

    private static int appendEntity(String text, int start, StringBuilder out) {
        int end = text.indexOf(';', start);
        if (end < 0 || end - start > 8) {
            out.append('&');
            return start + 1;
        }
        String name = text.substring(start + 1, end);
        String decoded =
                switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "‹"; // never a real '<': the excerpt must not look like markup
                    case "gt" -> "›";
                    case "quot" -> "\"";
                    case "apos", "#39" -> "'";
                    case "nbsp" -> " ";
                    default -> " ";
                };
        out.append(decoded);
        return end + 1;
    }
}
