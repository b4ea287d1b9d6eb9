package io.jenkins.plugins.huaweicloud.csms.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The rules the jenkinsci hosting review applies to every {@code src/main/resources/**.jelly}
 * (jenkins-infra/repository-permissions-updater, hosting/JellyVerifier): no {@code <style>}; no {@code <script>}
 * without {@code src} unless its type is application/json; no {@code checkUrl} without {@code checkDependsOn}; no
 * {@code on*} attribute on a plain HTML element nor {@code onclick} on a taglib element (warnings there, failures
 * here: Jenkins' Content-Security-Policy blocks them). Unlike the verifier, which skips a file it cannot parse,
 * this reports it, and it also looks at the root element.
 */
final class JellyCspCheck {

    private JellyCspCheck() {}

    static void run(Path pluginRoot, List<String> problems) throws IOException {
        for (Path jelly : JellyFiles.below(pluginRoot.resolve("src/main/resources"), ".jelly")) {
            String text = JellyFiles.read(jelly);
            String file = pluginRoot.relativize(jelly).toString();
            Document doc;
            try {
                doc = JellyFiles.parse(text);
            } catch (SAXException e) {
                problems.add(file + ": not well-formed XML: " + e.getMessage());
                continue;
            }
            for (Element e : elements(doc)) {
                String where =
                        file + ":" + JellyFiles.lineOf(text, "<" + e.getTagName()) + ": <" + e.getTagName() + ">: ";
                boolean plainHtml = e.getNamespaceURI() == null;
                if (plainHtml && e.getTagName().equals("style")) {
                    problems.add(where + "inline <style>: move the CSS to a .css file under src/main/webapp");
                }
                if (plainHtml && e.getTagName().equals("script") && !e.hasAttribute("src")) {
                    String type = e.getAttribute("type").toLowerCase(Locale.US);
                    if (!type.equals("application/json")) {
                        problems.add(where + "inline <script>: use <script src=..> (or st:adjunct) instead");
                    }
                }
                if (e.hasAttribute("checkUrl") && !e.hasAttribute("checkDependsOn")) {
                    problems.add(where + "checkUrl without checkDependsOn (legacy form validation)");
                }
                if (!plainHtml && e.hasAttribute("onclick")) {
                    problems.add(where + "onclick on a taglib element: inline JavaScript, blocked by the CSP");
                }
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; plainHtml && i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    if (a.getNodeName().startsWith("on")) {
                        problems.add(where + "event handler attribute " + a.getNodeName()
                                + ": inline JavaScript, blocked by the CSP");
                    }
                }
            }
        }
    }

    private static List<Element> elements(Document doc) {
        List<Element> all = new ArrayList<>();
        all.add(doc.getDocumentElement());
        NodeList descendants = doc.getDocumentElement().getElementsByTagName("*");
        for (int i = 0; i < descendants.getLength(); i++) {
            all.add((Element) descendants.item(i));
        }
        return all;
    }
}
