package io.jenkins.plugins.huaweicloud.csms.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Consistency checks of a Jenkins plugin's views against its Java sources, without Jenkins on the class path: what
 * a JenkinsRule test or the hosting review would find only where the Jenkins repository is reachable. Each problem
 * is one line naming the file (and line), the field or key, and what is wrong.
 */
public final class PluginViewChecks {

    private PluginViewChecks() {}

    /** All checks over the plugin whose {@code src/} is below {@code pluginRoot}. */
    public static List<String> all(Path pluginRoot) throws IOException {
        Context context = Context.of(pluginRoot);
        List<String> problems = new ArrayList<>(context.index().parseProblems());
        problems.addAll(context.redirects().problems());
        FormFieldsCheck.run(context.root(), context.index(), context.redirects(), problems);
        MessagesCallsCheck.run(context.root(), context.index(), problems);
        JellyTextsCheck.run(context.root(), problems);
        JellyCspCheck.run(context.root(), problems);
        GlueSizeCheck.run(context.root(), problems);
        return problems;
    }

    /** The size of the plugin's own Java: no file over 250 lines, at most 1,250 lines of code in all. */
    public static List<String> glueSize(Path pluginRoot) throws IOException {
        List<String> problems = new ArrayList<>();
        GlueSizeCheck.run(pluginRoot.toAbsolutePath().normalize(), problems);
        return problems;
    }

    /** Form fields: getter, binding, help files (and orphan help files). */
    public static List<String> formFields(Path pluginRoot) throws IOException {
        Context context = Context.of(pluginRoot);
        List<String> problems = new ArrayList<>(context.redirects().problems());
        FormFieldsCheck.run(context.root(), context.index(), context.redirects(), problems);
        return problems;
    }

    /** Messages.key(..) calls against Messages.properties. */
    public static List<String> messagesCalls(Path pluginRoot) throws IOException {
        Context context = Context.of(pluginRoot);
        List<String> problems = new ArrayList<>();
        MessagesCallsCheck.run(context.root(), context.index(), problems);
        return problems;
    }

    /** ${%..} texts of the Jelly views. */
    public static List<String> jellyTexts(Path pluginRoot) throws IOException {
        List<String> problems = new ArrayList<>();
        JellyTextsCheck.run(pluginRoot.toAbsolutePath().normalize(), problems);
        return problems;
    }

    /** The hosting review's JellyVerifier rules (inline script and style, event handlers, checkUrl). */
    public static List<String> jellyCsp(Path pluginRoot) throws IOException {
        List<String> problems = new ArrayList<>();
        JellyCspCheck.run(pluginRoot.toAbsolutePath().normalize(), problems);
        return problems;
    }

    private record Context(Path root, JavaSourceIndex index, HelpRedirects redirects) {
        static Context of(Path pluginRoot) throws IOException {
            Path root = pluginRoot.toAbsolutePath().normalize();
            JavaSourceIndex index = JavaSourceIndex.parse(root.resolve("src/main/java"));
            return new Context(root, index, HelpRedirects.find(index));
        }
    }
}
