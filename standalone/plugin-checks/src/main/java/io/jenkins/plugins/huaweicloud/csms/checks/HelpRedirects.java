package io.jenkins.plugins.huaweicloud.csms.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code addHelpFileRedirect(field, Owner.class, targetField)} calls of the descriptors: Jenkins then shows the
 * owner's {@code help-<targetField>.html} for {@code field} (hudson.model.Descriptor#getHelpFile). Field names may
 * be literals or the variable of an enclosing for-each loop over a constant collection ({@link ConstantStrings}).
 */
final class HelpRedirects {

    /** Field {@code field} of the describable {@code describable} shows {@code target}'s help for targetField. */
    record Redirect(JavaClass describable, String field, JavaClass target, String targetField, String location) {}

    private final List<Redirect> redirects = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private HelpRedirects() {}

    static HelpRedirects find(JavaSourceIndex index) {
        HelpRedirects result = new HelpRedirects();
        ConstantStrings constants = new ConstantStrings(index);
        for (JavaClass c : index.classes()) {
            if (c.outer() != null) {
                continue; // each compilation unit once, from its top-level class
            }
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    String method = call.getMethodSelect() instanceof MemberSelectTree s
                            ? s.getIdentifier().toString()
                            : call.getMethodSelect().toString();
                    if (method.equals("addHelpFileRedirect")
                            && call.getArguments().size() == 3) {
                        result.add(index, constants, getCurrentPath(), call);
                    }
                    return super.visitMethodInvocation(call, unused);
                }
            }.scan(c.unit(), null);
        }
        return result;
    }

    private void add(JavaSourceIndex index, ConstantStrings constants, TreePath path, MethodInvocationTree call) {
        String location = index.location(path.getCompilationUnit(), call);
        JavaClass descriptor = enclosingClass(index, path);
        if (descriptor == null) {
            problems.add(location + ": addHelpFileRedirect outside a class");
            return;
        }
        // The redirect applies to the descriptor's describable: the class the descriptor is nested in.
        JavaClass describable = descriptor.outer() != null ? descriptor.outer() : descriptor;
        ExpressionTree ownerArg = call.getArguments().get(1);
        Optional<JavaClass> target =
                ownerArg instanceof MemberSelectTree s && s.getIdentifier().contentEquals("class")
                        ? index.resolve(s.getExpression().toString(), descriptor)
                        : Optional.empty();
        if (target.isEmpty()) {
            problems.add(location + ": addHelpFileRedirect's owner " + ownerArg
                    + " is not a Foo.class literal of a class in src/main/java");
            return;
        }
        ExpressionTree fieldArg = call.getArguments().get(0);
        ExpressionTree targetFieldArg = call.getArguments().get(2);
        Optional<String> field = ConstantStrings.literal(fieldArg);
        Optional<String> targetField = ConstantStrings.literal(targetFieldArg);
        if (field.isPresent() && targetField.isPresent()) {
            redirects.add(new Redirect(describable, field.get(), target.get(), targetField.get(), location));
            return;
        }
        // for (String f : CONSTANTS) addHelpFileRedirect(f, Owner.class, f)
        Optional<List<String>> loopValues =
                fieldArg instanceof IdentifierTree id && id.toString().equals(targetFieldArg.toString())
                        ? loopValues(constants, path, id.getName().toString(), descriptor)
                        : Optional.empty();
        if (loopValues.isEmpty()) {
            problems.add(location + ": cannot tell which fields addHelpFileRedirect(" + fieldArg + ", " + ownerArg
                    + ", " + targetFieldArg + ") redirects: use string literals, or the variable of a for-each loop"
                    + " over a constant List.of(..) of literals for both names");
            return;
        }
        for (String value : loopValues.get()) {
            redirects.add(new Redirect(describable, value, target.get(), value, location));
        }
    }

    private static Optional<List<String>> loopValues(
            ConstantStrings constants, TreePath path, String variable, JavaClass context) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof EnhancedForLoopTree loop
                    && loop.getVariable().getName().contentEquals(variable)) {
                return constants.collection(loop.getExpression(), context);
            }
        }
        return Optional.empty();
    }

    private static JavaClass enclosingClass(JavaSourceIndex index, TreePath path) {
        List<String> names = new ArrayList<>();
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof ClassTree c) {
                if (c.getSimpleName().isEmpty()) {
                    return null; // anonymous class: its describable cannot be told
                }
                names.add(0, c.getSimpleName().toString());
            }
        }
        String pkg = path.getCompilationUnit().getPackageName() == null
                ? ""
                : path.getCompilationUnit().getPackageName() + ".";
        return index.byCanonicalName(pkg + String.join(".", names)).orElse(null);
    }

    List<Redirect> all() {
        return redirects;
    }

    List<String> problems() {
        return problems;
    }
}
