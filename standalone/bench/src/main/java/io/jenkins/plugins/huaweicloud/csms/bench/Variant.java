package io.jenkins.plugins.huaweicloud.csms.bench;

import io.jenkins.plugins.huaweicloud.csms.client.AccessKey;
import io.jenkins.plugins.huaweicloud.csms.client.AccessKeySource;
import io.jenkins.plugins.huaweicloud.csms.client.CsmsClient;
import io.jenkins.plugins.huaweicloud.csms.client.DeletionResult;
import io.jenkins.plugins.huaweicloud.csms.client.Endpoint;
import io.jenkins.plugins.huaweicloud.csms.client.ProjectId;
import io.jenkins.plugins.huaweicloud.csms.client.ResultKind;
import io.jenkins.plugins.huaweicloud.csms.client.SecretName;
import io.jenkins.plugins.huaweicloud.csms.client.Token;
import io.jenkins.plugins.huaweicloud.csms.client.TokenSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One way of deleting a secret by name, answering the HTTP status (or -1 for anything that was not a clean
 * first-attempt answer). {@code loader} becomes the thread's context class loader while it runs.
 */
record Variant(String id, String label, ToIntFunction<String> delete, ClassLoader loader) {

    /** (a) Our engine: {@code CsmsClient.delete} with a fixed token and the default settings. */
    static Variant engine(CsmsClient client, String project) {
        return engine("engine", "engine: CsmsClient.delete (fixed token)", client, project);
    }

    /** (a') Our engine signing each request with the bench's AK/SK pair, verified by the emulator. */
    static Variant engineAksk(String url, String project) {
        CsmsClient client = CsmsClient.builder()
                .endpoint(Endpoint.of(url))
                .accessKeys(AccessKeySource.fixed(AccessKey.of(EmulatorServer.BENCH_AK, EmulatorServer.BENCH_SK)))
                .build();
        return engine("engine-aksk", "engine: CsmsClient.delete (AK/SK signed)", client, project);
    }

    private static Variant engine(String id, String label, CsmsClient client, String project) {
        ProjectId projectId = ProjectId.of(project);
        return new Variant(
                id,
                label,
                name -> {
                    DeletionResult r;
                    try {
                        r = client.delete(projectId, SecretName.of(name));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return r.attempts() == 1 && r.kind() == ResultKind.DELETED ? r.status() : -1;
                },
                Variant.class.getClassLoader());
    }

    static CsmsClient engineClient(String url, String token) {
        return CsmsClient.builder()
                .endpoint(Endpoint.of(url))
                .tokenSource(TokenSource.fixed(Token.of(token)))
                .build();
    }

    /** (b) Bare okhttp 5: one shared default client, the same DELETE and X-Auth-Token, {@code execute()}. */
    static Variant okhttpExecute(OkHttpClient http, String url, String project, String token) {
        String base = url + "/v1/" + project + "/secrets/";
        return new Variant(
                "okhttp",
                "bare okhttp 5.3.2: execute()",
                name -> {
                    Request request = new Request.Builder()
                            .url(base + name)
                            .delete()
                            .header("X-Auth-Token", token)
                            .build();
                    try (Response response = http.newCall(request).execute()) {
                        response.body().bytes();
                        return response.code();
                    } catch (IOException e) {
                        return -1;
                    }
                },
                Variant.class.getClassLoader());
    }

    /**
     * (b') Bare okhttp 5 with the engine's client settings ({@code CsmsClient.newHttpClient}: no redirects, no silent
     * retries, connect/read/call timeouts): isolates what those settings cost from what the engine's own code costs.
     */
    static Variant okhttpSafe(String url, String project, String token) {
        Variant plain = okhttpExecute(
                CsmsClient.newHttpClient(io.jenkins.plugins.huaweicloud.csms.client.ClientSettings.defaults()),
                url,
                project,
                token);
        return new Variant(
                "okhttp-safe",
                "bare okhttp 5.3.2: execute() with the engine's client settings",
                plain.delete(),
                Variant.class.getClassLoader());
    }

    /** The SDK adapter's fully qualified name, inside target/sdk-lib/csms-bench-sdk-adapter.jar. */
    static final String SDK_ADAPTER = "io.jenkins.plugins.huaweicloud.csms.bench.sdk.SdkDeleter";

    /**
     * (c) The official SDK, loaded from {@code sdkLib} in its own class loader whose parent is the platform loader:
     * its okhttp 4.12 never meets our okhttp 5.
     */
    @SuppressWarnings("unchecked")
    static Variant sdk(Path sdkLib, String url, String project) throws ReflectiveOperationException {
        URLClassLoader loader =
                new URLClassLoader("huaweicloud-sdk", sdkJars(sdkLib), ClassLoader.getPlatformClassLoader());
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            Class<?> adapter = Class.forName(SDK_ADAPTER, true, loader);
            ToIntFunction<String> delete = (ToIntFunction<String>)
                    adapter.getConstructor(String.class, String.class).newInstance(url, project);
            return new Variant(
                    "sdk",
                    "Huawei Cloud SDK " + sdkVersion(sdkLib) + ": deleteSecret (AK/SK signed)",
                    name -> {
                        try {
                            return delete.applyAsInt(name);
                        } catch (RuntimeException e) {
                            return -1;
                        }
                    },
                    loader);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    static URL[] sdkJars(Path sdkLib) {
        try (Stream<Path> files = Files.list(sdkLib)) {
            List<Path> jars =
                    files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.stream().noneMatch(p -> p.getFileName().toString().equals("csms-bench-sdk-adapter.jar"))) {
                throw new IllegalStateException("no csms-bench-sdk-adapter.jar in " + sdkLib
                        + ": build with mvn -B -Pbench -DskipTests package");
            }
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sdkLib, e);
        }
    }

    static String sdkVersion(Path sdkLib) {
        try (Stream<Path> files = Files.list(sdkLib)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("huaweicloud-sdk-csms-") && n.endsWith(".jar"))
                    .map(n -> n.substring("huaweicloud-sdk-csms-".length(), n.length() - 4))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Total size of the jars in a directory, in MiB (the SDK's runtime class path). */
    static double jarMiB(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar"))
                            .mapToLong(p -> p.toFile().length())
                            .sum()
                    / (1024.0 * 1024.0);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
