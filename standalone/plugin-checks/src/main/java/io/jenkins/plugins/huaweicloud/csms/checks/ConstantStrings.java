package io.jenkins.plugins.huaweicloud.csms.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Evaluates, without compiling, the few constant forms a descriptor uses to list field names: a string literal, or a
 * collection of string literals ({@code List.of}, {@code Set.of}, {@code Arrays.asList}, {@code new String[] {..}})
 * written in place or in a {@code static final} field of a class of the same source tree.
 */
final class ConstantStrings {

    private static final Set<String> COLLECTION_FACTORIES =
            Set.of("List.of", "Set.of", "Arrays.asList", "java.util.List.of", "java.util.Set.of", "Stream.of");

    private final JavaSourceIndex index;

    ConstantStrings(JavaSourceIndex index) {
        this.index = index;
    }

    /** The string of a literal, or empty. */
    static Optional<String> literal(ExpressionTree e) {
        return e instanceof LiteralTree l && l.getValue() instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The strings of a constant collection written in {@code context}, or empty when it is not one. */
    Optional<List<String>> collection(ExpressionTree e, JavaClass context) {
        return collection(e, context, 0);
    }

    private Optional<List<String>> collection(ExpressionTree e, JavaClass context, int depth) {
        if (depth > 5) {
            return Optional.empty();
        }
        if (e instanceof NewArrayTree array && array.getInitializers() != null) {
            return allLiterals(array.getInitializers());
        }
        if (e instanceof MethodInvocationTree call
                && COLLECTION_FACTORIES.contains(call.getMethodSelect().toString())) {
            return allLiterals(call.getArguments());
        }
        if (e instanceof IdentifierTree id) {
            for (JavaClass scope = context; scope != null; scope = scope.outer()) {
                Optional<List<String>> found = staticField(scope, id.getName().toString(), depth);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (e instanceof MemberSelectTree select) {
            Optional<JavaClass> owner = index.resolve(select.getExpression().toString(), context);
            if (owner.isPresent()) {
                return staticField(owner.get(), select.getIdentifier().toString(), depth);
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> staticField(JavaClass owner, String name, int depth) {
        for (Tree member : owner.tree().getMembers()) {
            if (member instanceof VariableTree v
                    && v.getName().contentEquals(name)
                    && v.getModifiers().getFlags().containsAll(Set.of(Modifier.STATIC, Modifier.FINAL))
                    && v.getInitializer() != null) {
                return collection(v.getInitializer(), owner, depth + 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> allLiterals(List<? extends ExpressionTree> elements) {
        List<String> values = new ArrayList<>();
        for (ExpressionTree element : elements) {
            Optional<String> value = literal(element);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }
}
