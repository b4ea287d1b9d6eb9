package io.jenkins.plugins.huaweicloud.csms.client;

/** Makes text that came from outside safe for one log line: no control characters, bounded length. */
public final class LogText {
    /** The longest server-provided text that reaches a log line. */
    public static final int MAX_LENGTH = 512;

    private LogText() {}

    /** Replaces control and format characters with a space, collapses runs of spaces and caps the length. */
    public static String clean(String text) {
        return clean(text, MAX_LENGTH);
    }

    public static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength + 1));
        boolean lastWasSpace = false;
        for (int i = 0; i < text.length() && out.length() <= maxLength; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean space = Character.isWhitespace(cp) || Character.isISOControl(cp) || isInvisible(cp);
            if (space) {
                if (!lastWasSpace && out.length() > 0) {
                    out.append(' ');
                }
                lastWasSpace = true;
            } else {
                out.appendCodePoint(cp);
                lastWasSpace = false;
            }
        }
        String result = out.toString().strip();
        if (result.length() > maxLength) {
            int cut = maxLength - 1;
            if (Character.isHighSurrogate(result.charAt(cut - 1))) {
                cut--; // never leave half a character before the ellipsis
            }
            result = result.substring(0, cut) + "…";
        }
        return result;
    }

    // Bidi overrides and other format characters can make a log line read differently from what it holds.
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Quotes a user-supplied value for an error message, shortened and cleaned so it cannot forge lines. */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(value.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > limit) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
