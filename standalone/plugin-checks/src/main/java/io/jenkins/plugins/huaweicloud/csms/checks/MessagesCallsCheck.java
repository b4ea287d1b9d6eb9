package io.jenkins.plugins.huaweicloud.csms.checks;

import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Every {@code Messages.key(..)} (or {@code Messages._key(..)}) call against the package's Messages.properties,
 * which the localizer turns into that class: the key exists, and the call passes as many arguments as the message
 * has placeholders. The generator names a method after its key with '.', '-' and '/' replaced by '_'
 * (jenkinsci/localizer GeneratorBase#toJavaIdentifier).
 */
final class MessagesCallsCheck {

    private MessagesCallsCheck() {}

    static void run(Path pluginRoot, JavaSourceIndex index, List<String> problems) {
        Path resources = pluginRoot.resolve("src/main/resources");
        Set<String> sourcePackages = new HashSet<>();
        for (JavaClass c : index.classes()) {
            sourcePackages.add(c.packageName());
        }
        Map<String, Optional<Properties>> bundles = new HashMap<>();
        Set<String> checkedBundles = new HashSet<>();
        for (JavaClass top : index.classes()) {
            if (top.outer() != null) {
                continue;
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    if (call.getMethodSelect() instanceof MemberSelectTree select) {
                        String owner = select.getExpression().toString();
                        if (owner.equals("Messages") || owner.endsWith(".Messages")) {
                            String pkg = messagesPackage(top, owner);
                            if (sourcePackages.contains(pkg)) { // not Jenkins' own Messages classes
                                Path file =
                                        resources.resolve(pkg.replace('.', '/')).resolve("Messages.properties");
                                Optional<Properties> bundle = bundles.computeIfAbsent(pkg, p -> load(file));
                                if (checkedBundles.add(pkg)) {
                                    bundle.ifPresent(b -> checkValues(pluginRoot, file, b, problems));
                                }
                                String where = index.location(getCurrentPath().getCompilationUnit(), call) + ": "
                                        + owner + "." + select.getIdentifier() + "(..): ";
                                check(
                                        pluginRoot,
                                        file,
                                        bundle,
                                        select.getIdentifier().toString(),
                                        call,
                                        where,
                                        problems);
                            }
                        }
                    }
                    return super.visitMethodInvocation(call, unused);
                }
            }.scan(top.unit(), null);
        }
    }

    private static void check(
            Path pluginRoot,
            Path file,
            Optional<Properties> bundle,
            String method,
            MethodInvocationTree call,
            String where,
            List<String> problems) {
        String rel = pluginRoot.relativize(file).toString();
        if (bundle.isEmpty()) {
            problems.add(where + rel + " does not exist");
            return;
        }
        String wanted = method.startsWith("_") ? method.substring(1) : method; // _key() returns a Localizable
        for (String key : bundle.get().stringPropertyNames()) {
            if (toJavaIdentifier(key).equals(wanted)) {
                String value = bundle.get().getProperty(key);
                Optional<Integer> expected = MessageFormats.argumentCount(value);
                int given = call.getArguments().size();
                if (expected.isPresent() && expected.get() != given) {
                    problems.add(where + "passes " + given + " argument(s), but key " + key + " in " + rel + " takes "
                            + expected.get() + (expected.get() == 0 ? "" : " ({0} to {" + (expected.get() - 1) + "})"));
                }
                return;
            }
        }
        problems.add(
                where + "no key for it in " + rel + " (expected " + wanted.replace('_', '.') + " or " + wanted + ")");
    }

    private static void checkValues(Path pluginRoot, Path file, Properties bundle, List<String> problems) {
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            // The localizer formats every message through MessageFormat, with or without arguments
            // (ResourceBundleHolder#format), so its quoting rules apply to all of them.
            MessageFormats.problem(value)
                    .ifPresent(p -> problems.add(pluginRoot.relativize(file) + ": key " + key + ": " + p));
        }
    }

    private static String messagesPackage(JavaClass top, String owner) {
        if (owner.contains(".")) {
            return owner.substring(0, owner.lastIndexOf('.'));
        }
        for (ImportTree imp : top.unit().getImports()) {
            String imported = imp.getQualifiedIdentifier().toString();
            if (!imp.isStatic() && imported.endsWith(".Messages")) {
                return imported.substring(0, imported.lastIndexOf('.'));
            }
        }
        return top.packageName();
    }

    private static Optional<Properties> load(Path file) {
        try {
            return MessageFormats.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toJavaIdentifier(String key) {
        return key.replace('.', '_').replace('-', '_').replace('/', '_');
    }
}
