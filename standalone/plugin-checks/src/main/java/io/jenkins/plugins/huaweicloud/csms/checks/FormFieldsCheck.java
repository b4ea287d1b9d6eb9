package io.jenkins.plugins.huaweicloud.csms.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The forms ({@code config.jelly}, {@code credentials.jelly}, {@code global.jelly} beside a class) against the class: every {@code field=}
 * has a getter (Jelly fills the form from it) and is bound (a {@code @DataBoundConstructor} parameter or a
 * {@code @DataBoundSetter}), and has a help file (beside the view, beside a superclass's views, or through an
 * {@code addHelpFileRedirect}); and no help file is an orphan. An {@code f:property} shows no help of its own but
 * includes its object's {@code config.jelly}, which must exist when that class is declared in src/main/java (its
 * fields are then checked against that class like any other form).
 */
final class FormFieldsCheck {

    /** Tags whose {@code field} holds a nested object: the fields inside them belong to that object's class. */
    private static final Set<String> NESTED_OBJECT_TAGS = Set.of(
            "property",
            "optionalProperty",
            "repeatableProperty",
            "repeatableHeteroProperty",
            "dropdownDescriptorSelector",
            "hetero-list",
            "hetero-radio");

    private final Path pluginRoot;
    private final Path resources;
    private final JavaSourceIndex index;
    private final HelpRedirects redirects;
    private final List<String> problems;
    private final Set<Path> usedHelpFiles = new HashSet<>();

    private FormFieldsCheck(Path pluginRoot, JavaSourceIndex index, HelpRedirects redirects, List<String> problems) {
        this.pluginRoot = pluginRoot;
        this.resources = pluginRoot.resolve("src/main/resources");
        this.index = index;
        this.redirects = redirects;
        this.problems = problems;
    }

    static void run(Path pluginRoot, JavaSourceIndex index, HelpRedirects redirects, List<String> problems)
            throws IOException {
        new FormFieldsCheck(pluginRoot, index, redirects, problems).run();
    }

    private void run() throws IOException {
        Map<Path, JavaClass> classFolders = new LinkedHashMap<>();
        Set<Path> folders = new TreeSet<>();
        for (Path jelly : JellyFiles.below(resources, ".jelly")) {
            folders.add(jelly.getParent());
        }
        for (Path help : JellyFiles.below(resources, ".html")) {
            if (help.getFileName().toString().startsWith("help")) {
                folders.add(help.getParent());
            }
        }
        for (Path folder : folders) {
            if (folder.equals(resources)) {
                continue; // the plugin's own index.jelly
            }
            String canonical = resources
                    .relativize(folder)
                    .toString()
                    .replace('/', '.')
                    .replace('\\', '.')
                    .replace('$', '.');
            Optional<JavaClass> c = index.byCanonicalName(canonical);
            if (c.isEmpty()) {
                problems.add(rel(folder) + ": views or help files for " + canonical
                        + ", but src/main/java declares no such class");
                continue;
            }
            classFolders.put(folder, c.get());
        }
        Map<Path, Set<String>> fieldsByFolder = new LinkedHashMap<>();
        for (Map.Entry<Path, JavaClass> e : classFolders.entrySet()) {
            fieldsByFolder.put(e.getKey(), checkForms(e.getKey(), e.getValue()));
        }
        checkRedirectTargets();
        for (Map.Entry<Path, JavaClass> e : classFolders.entrySet()) {
            checkOrphanHelp(e.getKey(), e.getValue(), fieldsByFolder.get(e.getKey()));
        }
    }

    /** Checks the forms of one class; returns their fields. */
    private Set<String> checkForms(Path folder, JavaClass describable) throws IOException {
        Set<String> allFields = new LinkedHashSet<>();
        // credentials.jelly is the form of a credentials type (credentials-plugin CredentialsDescriptor).
        for (String form : List.of("config.jelly", "credentials.jelly", "global.jelly")) {
            Path view = folder.resolve(form);
            if (!Files.isRegularFile(view)) {
                continue;
            }
            String text = JellyFiles.read(view);
            Document doc;
            try {
                doc = JellyFiles.parse(text);
            } catch (SAXException e) {
                problems.add(rel(view) + ": not well-formed XML: " + e.getMessage());
                continue;
            }
            // config.jelly edits an instance; global.jelly edits the descriptor (a GlobalConfiguration is both).
            JavaClass bean = form.equals("global.jelly") ? descriptorOf(describable) : describable;
            Set<String> fields = new LinkedHashSet<>();
            Set<String> inlineProperties = new HashSet<>();
            collectFields(doc.getDocumentElement(), fields, inlineProperties);
            for (String field : fields) {
                String where = rel(view) + ":" + JellyFiles.lineOf(text, "field=\"" + field + "\"") + ": field '"
                        + field + "': ";
                checkGetter(bean, field, where);
                checkBound(bean, field, where);
                if (inlineProperties.contains(field)) {
                    checkInlineForm(bean, field, where);
                } else {
                    checkHelp(folder, describable, field, where);
                }
            }
            allFields.addAll(fields);
        }
        return allFields;
    }

    private static void collectFields(Element element, Set<String> fields, Set<String> inlineProperties) {
        String field = element.getAttribute("field");
        String tag = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        if (!field.isEmpty()) {
            fields.add(field);
            if (tag.equals("property")) {
                inlineProperties.add(field);
            }
        }
        boolean nestedObject = NESTED_OBJECT_TAGS.contains(tag)
                || (tag.equals("optionalBlock") && !field.isEmpty() && !"true".equals(element.getAttribute("inline")));
        if (nestedObject && !field.isEmpty()) {
            return;
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                collectFields((Element) children.item(i), fields, inlineProperties);
            }
        }
    }

    private JavaClass descriptorOf(JavaClass describable) {
        for (JavaClass nested : describable.nestedClasses()) {
            if (nested.superclassName().orElse("").endsWith("Descriptor")) {
                return nested;
            }
        }
        return describable;
    }

    private void checkGetter(JavaClass bean, String field, String where) {
        String suffix = JavaClass.capitalize(field);
        for (JavaClass c : bean.selfAndSuperclasses()) {
            JavaClass.Getter getter = c.declaredGetters().get(field);
            if (getter == null) {
                continue;
            }
            if (!getter.isPublic()) {
                problems.add(where + getter.methodName() + "() in " + c.file()
                        + " is not public, so the form cannot show the saved value");
            } else if (getter.methodName().startsWith("is")
                    && !getter.returnType().equals("boolean")) {
                problems.add(where + getter.methodName() + "() in " + c.file() + " returns " + getter.returnType()
                        + ": only a boolean is" + suffix + "() is a getter; declare get" + suffix + "()");
            }
            return;
        }
        problems.add(where + "no getter: expected public get" + suffix + "() (or is" + suffix + "() for a boolean) in "
                + bean.file() + " or a superclass in src/main/java");
    }

    /** lib/form/property.jelly includes the config page of the getter's type. */
    private void checkInlineForm(JavaClass bean, String field, String where) {
        for (JavaClass c : bean.selfAndSuperclasses()) {
            JavaClass.Getter getter = c.declaredGetters().get(field);
            if (getter == null) {
                continue;
            }
            index.resolve(getter.returnType(), c)
                    .filter(type -> !Files.isRegularFile(folderOf(type).resolve("config.jelly")))
                    .ifPresent(type -> problems.add(where + "f:property shows " + type.simpleName() + "'s form, but "
                            + rel(folderOf(type).resolve("config.jelly")) + " does not exist"));
            return;
        }
    }

    private void checkBound(JavaClass bean, String field, String where) {
        if (!bean.dataBoundProperties().contains(field)) {
            problems.add(where + "not bound: no @DataBoundConstructor parameter named '" + field
                    + "' and no @DataBoundSetter set" + JavaClass.capitalize(field) + "(..) or @DataBoundSetter field"
                    + " in " + bean.simpleName() + " (" + bean.file() + ") or a superclass in src/main/java");
        }
    }

    private void checkHelp(Path folder, JavaClass describable, String field, String where) {
        for (JavaClass c : describable.selfAndSuperclasses()) {
            Optional<Path> help = helpFile(folderOf(c), field);
            if (help.isPresent()) {
                usedHelpFiles.add(help.get());
                return;
            }
        }
        for (HelpRedirects.Redirect r : redirects.all()) {
            if (r.describable() == describable && r.field().equals(field)) {
                return; // the target itself is checked in checkRedirectTargets
            }
        }
        problems.add(where + "no help file: expected " + rel(folder.resolve("help-" + field + ".html"))
                + " (or an addHelpFileRedirect for '" + field + "' in " + describable.simpleName() + "'s descriptor)");
    }

    private void checkRedirectTargets() {
        for (HelpRedirects.Redirect r : redirects.all()) {
            Optional<Path> found = Optional.empty();
            for (JavaClass c : r.target().selfAndSuperclasses()) {
                found = helpFile(folderOf(c), r.targetField());
                if (found.isPresent()) {
                    usedHelpFiles.add(found.get());
                    break;
                }
            }
            if (found.isEmpty()) {
                problems.add(r.location() + ": addHelpFileRedirect of '" + r.field() + "' to "
                        + r.target().simpleName() + "'s '" + r.targetField() + "', but "
                        + rel(folderOf(r.target()).resolve("help-" + r.targetField() + ".html")) + " does not exist");
            }
        }
    }

    private void checkOrphanHelp(Path folder, JavaClass describable, Set<String> formFields) throws IOException {
        StringBuilder viewsText = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path jelly : files.filter(p -> p.toString().endsWith(".jelly")).toList()) {
                viewsText.append(JellyFiles.read(jelly));
            }
        }
        Set<String> bound = new HashSet<>(describable.dataBoundProperties());
        bound.addAll(descriptorOf(describable).dataBoundProperties());
        try (var files = Files.list(folder)) {
            for (Path help : files.sorted().toList()) {
                String name = help.getFileName().toString();
                if (!name.startsWith("help-") || !name.endsWith(".html")) {
                    continue; // help.html is the descriptor's own help
                }
                String field = name.substring("help-".length(), name.length() - ".html".length())
                        .replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", ""); // help-field_ja.html is a translation
                boolean referenced = viewsText.indexOf("getHelpFile('" + field + "')") >= 0
                        || viewsText.indexOf("getHelpFile(\"" + field + "\")") >= 0
                        || viewsText.indexOf("help-" + field + ".html") >= 0;
                if (!formFields.contains(field)
                        && !referenced
                        && !bound.contains(field)
                        && !usedHelpFiles.contains(help)) {
                    problems.add(rel(help) + ": orphan help file: '" + field + "' is no field of "
                            + folder.getFileName() + "'s forms, no data-bound property of " + describable.simpleName()
                            + ", not referenced by its views and not the target of an addHelpFileRedirect");
                }
            }
        }
    }

    private Path folderOf(JavaClass c) {
        String path = c.packageName().replace('.', '/');
        String classPart = c.canonicalName()
                .substring(c.packageName().isEmpty() ? 0 : c.packageName().length() + 1);
        return resources.resolve(path).resolve(classPart.replace('.', '$'));
    }

    private static Optional<Path> helpFile(Path folder, String field) {
        for (String candidate : List.of("help-" + field + ".html", "help-" + field + ".jelly")) {
            Path p = folder.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private String rel(Path p) {
        return pluginRoot.relativize(p).toString();
    }
}
