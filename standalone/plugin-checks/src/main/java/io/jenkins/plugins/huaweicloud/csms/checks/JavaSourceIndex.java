package io.jenkins.plugins.huaweicloud.csms.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Every class declared under a source folder, parsed with javac's tree API and never compiled: the plugin's sources
 * import Jenkins classes that are not on this class path, and parsing needs none of them.
 */
final class JavaSourceIndex {

    private final Path root;
    private final Map<String, JavaClass> byCanonicalName = new LinkedHashMap<>();
    private final List<String> parseProblems = new ArrayList<>();
    private SourcePositions positions;

    private JavaSourceIndex(Path root) {
        this.root = root;
    }

    /** Parses every {@code .java} file below {@code javaRoot} (which may be absent: then the index is empty). */
    static JavaSourceIndex parse(Path javaRoot) throws IOException {
        JavaSourceIndex index = new JavaSourceIndex(javaRoot);
        if (!Files.isDirectory(javaRoot)) {
            return index;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(javaRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            return index;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("These checks need a JDK (javac's tree API), not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(
                    null,
                    fileManager,
                    diagnostics,
                    List.of("-proc:none"),
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            index.positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                index.add(unit);
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null
                        ? "?"
                        : index.relative(Path.of(d.getSource().toUri()));
                index.parseProblems.add(file + ":" + d.getLineNumber() + ": does not parse: " + d.getMessage(null));
            }
        }
        return index;
    }

    private void add(CompilationUnitTree unit) {
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree classTree) {
                addClass(unit, pkg, null, classTree);
            }
        }
    }

    private void addClass(CompilationUnitTree unit, String pkg, JavaClass outer, ClassTree tree) {
        String simple = tree.getSimpleName().toString();
        String canonical =
                outer == null ? (pkg.isEmpty() ? simple : pkg + "." + simple) : outer.canonicalName() + "." + simple;
        JavaClass c = new JavaClass(this, unit, pkg, canonical, outer, tree);
        byCanonicalName.put(canonical, c);
        for (Tree member : tree.getMembers()) {
            if (member instanceof ClassTree nested) {
                addClass(unit, pkg, c, nested);
            }
        }
    }

    List<String> parseProblems() {
        return parseProblems;
    }

    Iterable<JavaClass> classes() {
        return byCanonicalName.values();
    }

    Optional<JavaClass> byCanonicalName(String name) {
        return Optional.ofNullable(byCanonicalName.get(name));
    }

    /**
     * Resolves a type name as written in {@code context} (simple, nested or qualified, type arguments ignored) to a
     * class of this index, the way javac would for classes declared here: nested and enclosing classes, single-type
     * imports, the same package, then a qualified name. Empty for classes declared elsewhere (Jenkins, the JDK).
     */
    Optional<JavaClass> resolve(String written, JavaClass context) {
        String name = written.replaceAll("<.*", "").trim();
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.contains(".") ? name.substring(name.indexOf('.')) : "";
        for (JavaClass scope = context; scope != null; scope = scope.outer()) {
            JavaClass hit = byCanonicalName.get(scope.canonicalName() + "." + first);
            if (hit != null) {
                return byCanonicalName(hit.canonicalName() + rest);
            }
            if (scope.simpleName().equals(first)) {
                return byCanonicalName(scope.canonicalName() + rest);
            }
        }
        for (ImportTree imp : context.unit().getImports()) {
            String imported = imp.getQualifiedIdentifier().toString();
            if (!imp.isStatic() && imported.endsWith("." + first)) {
                return byCanonicalName(imported + rest);
            }
        }
        String samePackage = context.packageName().isEmpty() ? name : context.packageName() + "." + name;
        return byCanonicalName(samePackage).or(() -> byCanonicalName(name));
    }

    /** The path of a source file relative to the parent of the source root's {@code src} folder, for messages. */
    String relative(Path file) {
        Path base = root;
        for (int up = 0; up < 3 && base.getParent() != null; up++) {
            base = base.getParent(); // src/main/java -> the plugin folder
        }
        return base.relativize(file.toAbsolutePath().normalize()).toString();
    }

    String location(CompilationUnitTree unit, Tree tree) {
        long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
        return relative(Path.of(unit.getSourceFile().toUri())) + ":" + line;
    }
}
