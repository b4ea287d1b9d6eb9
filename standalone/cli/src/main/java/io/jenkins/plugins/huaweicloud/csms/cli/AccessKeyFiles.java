package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.AccessKey;
import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.LogText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code credentials.csv} Huawei Cloud's console downloads for a new access key: a header
 * {@code User Name,Access Key Id,Secret Access Key} and one row. Messages name the file and the columns, never a
 * value.
 */
final class AccessKeyFiles {
    static final String AK_COLUMN = "Access Key Id";
    static final String SK_COLUMN = "Secret Access Key";
    private static final long MAX_BYTES = 64 * 1024;

    private AccessKeyFiles() {}

    static AccessKey read(Path file) {
        String name = LogText.quote(file.toString());
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException("Access key file " + name + " is a directory: give the"
                        + " credentials.csv the console downloaded.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException("Access key file " + name + " is too big for a credentials.csv.");
            }
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("Access key file " + name + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("Access key file " + name + " cannot be read: permission denied.");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("Access key file " + name + " is not a text (UTF-8) file.");
        } catch (IOException e) {
            throw new InvalidInputException("Access key file " + name + " cannot be read ("
                    + e.getClass().getSimpleName() + ").");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        String expected = "it must be the console's credentials.csv: a header line 'User Name," + AK_COLUMN + ","
                + SK_COLUMN + "' and one line with the key";
        if (lines.isEmpty()) {
            throw new InvalidInputException("Access key file " + name + " is empty: " + expected + ".");
        }
        List<String> header = cells(lines.get(0));
        int ak = indexOf(header, AK_COLUMN);
        int sk = indexOf(header, SK_COLUMN);
        if (ak < 0 || sk < 0) {
            throw new InvalidInputException("Access key file " + name + " has no '" + AK_COLUMN + "' and '" + SK_COLUMN
                    + "' columns in its first line: " + expected + ".");
        }
        if (lines.size() != 2) {
            throw new InvalidInputException(
                    "Access key file " + name + " holds " + (lines.size() - 1) + " key lines: " + expected + ".");
        }
        List<String> row = cells(lines.get(1));
        if (row.size() <= Math.max(ak, sk)) {
            throw new InvalidInputException(
                    "Access key file " + name + ": its key line has fewer columns than its header.");
        }
        try {
            return AccessKey.of(row.get(ak), row.get(sk));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Access key file " + name + ": " + e.getMessage());
        }
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            out.add(c);
        }
        return out;
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
