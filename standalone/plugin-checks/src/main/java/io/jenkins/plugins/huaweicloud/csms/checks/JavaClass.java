package io.jenkins.plugins.huaweicloud.csms.checks;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** One parsed class: what Jenkins' data binding and Jelly's property access can see of it. */
final class JavaClass {

    /** A no-argument {@code getX()} or {@code isX()} method. */
    record Getter(String methodName, String returnType, boolean isPublic) {}

    private final JavaSourceIndex index;
    private final CompilationUnitTree unit;
    private final String packageName;
    private final String canonicalName;
    private final JavaClass outer;
    private final ClassTree tree;

    JavaClass(
            JavaSourceIndex index,
            CompilationUnitTree unit,
            String packageName,
            String canonicalName,
            JavaClass outer,
            ClassTree tree) {
        this.index = index;
        this.unit = unit;
        this.packageName = packageName;
        this.canonicalName = canonicalName;
        this.outer = outer;
        this.tree = tree;
    }

    CompilationUnitTree unit() {
        return unit;
    }

    ClassTree tree() {
        return tree;
    }

    String packageName() {
        return packageName;
    }

    String canonicalName() {
        return canonicalName;
    }

    String simpleName() {
        return tree.getSimpleName().toString();
    }

    JavaClass outer() {
        return outer;
    }

    String file() {
        return index.relative(Path.of(unit.getSourceFile().toUri()));
    }

    /** The superclass when it is declared in the same source tree; empty for Jenkins' and the JDK's classes. */
    Optional<JavaClass> superclass() {
        Tree extendsClause = tree.getExtendsClause();
        return extendsClause == null ? Optional.empty() : index.resolve(extendsClause.toString(), this);
    }

    /** The superclass as written (type arguments removed), or empty. */
    Optional<String> superclassName() {
        Tree extendsClause = tree.getExtendsClause();
        return extendsClause == null
                ? Optional.empty()
                : Optional.of(extendsClause.toString().replaceAll("<.*", "").trim());
    }

    /** This class, then its superclasses as far as they are declared in the same source tree. */
    List<JavaClass> selfAndSuperclasses() {
        List<JavaClass> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Optional<JavaClass> c = Optional.of(this);
                c.isPresent() && seen.add(c.get().canonicalName);
                c = c.get().superclass()) {
            chain.add(c.get());
        }
        return chain;
    }

    /** Getters by JavaBeans property name, declared in this class only. */
    Map<String, Getter> declaredGetters() {
        Map<String, Getter> getters = new LinkedHashMap<>();
        for (MethodTree m : methods()) {
            String name = m.getName().toString();
            if (!m.getParameters().isEmpty() || m.getReturnType() == null) {
                continue;
            }
            String property = name.startsWith("get") && name.length() > 3
                    ? decapitalize(name.substring(3))
                    : name.startsWith("is") && name.length() > 2 ? decapitalize(name.substring(2)) : null;
            if (property != null) {
                getters.putIfAbsent(property, new Getter(name, m.getReturnType().toString(), isPublic(m)));
            }
        }
        return getters;
    }

    /** Parameter names of this class's {@code @DataBoundConstructor} (constructors are not inherited), or empty. */
    Optional<List<String>> dataBoundConstructorParameters() {
        for (MethodTree m : methods()) {
            if (m.getName().contentEquals("<init>") && hasAnnotation(m.getModifiers(), "DataBoundConstructor")) {
                return Optional.of(m.getParameters().stream()
                        .map(p -> p.getName().toString())
                        .toList());
            }
        }
        return Optional.empty();
    }

    /** Properties set through {@code @DataBoundSetter} methods {@code setX(..)} or fields, in this class only. */
    Set<String> declaredDataBoundSetterProperties() {
        Set<String> properties = new HashSet<>();
        for (Tree member : tree.getMembers()) {
            if (member instanceof MethodTree m
                    && hasAnnotation(m.getModifiers(), "DataBoundSetter")
                    && m.getName().toString().startsWith("set")
                    && m.getName().length() > 3
                    && m.getParameters().size() == 1) {
                properties.add(decapitalize(m.getName().toString().substring(3)));
            } else if (member instanceof VariableTree v && hasAnnotation(v.getModifiers(), "DataBoundSetter")) {
                properties.add(v.getName().toString());
            }
        }
        return properties;
    }

    /** Every property Jenkins can bind: constructor parameters of this class, setters of it and its superclasses. */
    Set<String> dataBoundProperties() {
        Set<String> properties = new HashSet<>(dataBoundConstructorParameters().orElse(List.of()));
        for (JavaClass c : selfAndSuperclasses()) {
            properties.addAll(c.declaredDataBoundSetterProperties());
        }
        return properties;
    }

    /** Classes declared directly inside this one. */
    List<JavaClass> nestedClasses() {
        List<JavaClass> nested = new ArrayList<>();
        for (Tree member : tree.getMembers()) {
            if (member instanceof ClassTree c) {
                index.byCanonicalName(canonicalName + "." + c.getSimpleName()).ifPresent(nested::add);
            }
        }
        return nested;
    }

    private List<MethodTree> methods() {
        return tree.getMembers().stream()
                .filter(MethodTree.class::isInstance)
                .map(MethodTree.class::cast)
                .toList();
    }

    private static boolean isPublic(MethodTree m) {
        return m.getModifiers().getFlags().contains(Modifier.PUBLIC);
    }

    static boolean hasAnnotation(ModifiersTree modifiers, String simpleName) {
        for (AnnotationTree a : modifiers.getAnnotations()) {
            String type = a.getAnnotationType().toString();
            if (type.equals(simpleName) || type.endsWith("." + simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** {@link java.beans.Introspector#decapitalize}: "Name" to "name", "URL" stays "URL". */
    static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public String toString() {
        return canonicalName;
    }
}
