package io.jenkins.plugins.huaweicloud.csms.cli;

import io.jenkins.plugins.huaweicloud.csms.client.InvalidInputException;
import io.jenkins.plugins.huaweicloud.csms.client.LogText;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a token file. Messages name the file, never its content. */
final class TokenFiles {
    /** A token is at most 2 MiB of ASCII; allow some surrounding whitespace, refuse anything bigger unread. */
    private static final long MAX_BYTES = Token.MAX_LENGTH + 4096L;

    private TokenFiles() {}

    static Token read(Path file) {
        String name = LogText.quote(file.toString());
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(
                        "Token file " + name + " is a directory: give the file that holds" + " the token.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(
                        "Token file " + name + " is too big: a token is at most " + Token.MAX_LENGTH + " characters.");
            }
            // A strict decoder: a byte outside ASCII is refused instead of silently replaced.
            text = StandardCharsets.US_ASCII
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("Token file " + name + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("Token file " + name + " cannot be read: permission denied.");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("Token file " + name + " is invalid: a token is printable ASCII.");
        } catch (IOException e) {
            throw new InvalidInputException(
                    "Token file " + name + " cannot be read (" + e.getClass().getSimpleName() + ").");
        }
        try {
            return Token.of(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Token file " + name + ": " + e.getMessage());
        }
    }
}
