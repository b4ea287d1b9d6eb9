package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.LogText;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads {@code --names-file FILE} or {@code --names-file -} (stdin): one secret name per line; blank lines and lines
 * starting with {@code #} are ignored, surrounding spaces dropped. Every name is validated before anything is sent;
 * a bad one is reported with its line number.
 */
final class NamesFile {
    /** 16 MiB holds far more names than any run should delete; a bigger input is a mistake, refused unread. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private NamesFile() {}

    static List<String> read(String spec, Supplier<InputStream> stdin) {
        boolean fromStdin = "-".equals(spec);
        String shown = fromStdin ? "stdin" : "file " + LogText.quote(spec);
        byte[] bytes;
        try {
            if (fromStdin) {
                bytes = stdin.get().readNBytes(MAX_BYTES + 1);
            } else {
                Path file = Path.of(spec);
                if (Files.isDirectory(file)) {
                    throw new InvalidInputException("--names-file " + shown + " is a directory: give a file with one"
                            + " secret name per line, or - for stdin.");
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw tooBig(shown);
                }
                bytes = Files.readAllBytes(file);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--names-file " + shown + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("--names-file " + shown + " cannot be read: permission denied.");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new InvalidInputException(
                    "--names-file " + shown + " cannot be read (" + e.getClass().getSimpleName() + ").");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooBig(shown);
        }
        List<String> names = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                names.add(SecretName.of(line).value());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--names-file " + shown + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (names.isEmpty()) {
            throw new InvalidInputException("--names-file " + shown + " holds no secret name: give one per line"
                    + " (blank lines and lines starting with # are ignored).");
        }
        return names;
    }

    private static InvalidInputException tooBig(String shown) {
        return new InvalidInputException(
                "--names-file " + shown + " is too big: at most " + MAX_BYTES / (1024 * 1024) + " MiB of names.");
    }
}
