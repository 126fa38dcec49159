package com.trackgeek.production;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The repository these tests check, found from the module's working directory: the Compose file and what the
 * Maven build says about container images (which modules Jib builds, under which name).
 */
final class Repository {

    static final Path ROOT = findRoot();
    static final Path COMPOSE_FILE = ROOT.resolve("infra/production/compose.yaml");

    private Repository() {
    }

    /** Image name (without tag) of every module whose pom turns Jib on, to the module's folder. */
    static Map<String, Path> imagesTheBuildMakes() {
        String prefix = jibImagePrefix();
        Map<String, Path> images = new TreeMap<>();
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            poms.filter(path -> path.getFileName().toString().equals("pom.xml"))
                    .filter(path -> !path.toString().contains("/target/"))
                    .forEach(pom -> {
                        Element project = parse(pom).getDocumentElement();
                        if ("false".equals(text(child(project, "properties"), "trackgeek.image.skip"))) {
                            String artifactId = text(project, "artifactId");
                            images.put(prefix.replace("${project.artifactId}", artifactId), pom.getParent());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    /** The root pom's Jib target image, e.g. {@code trackgeek/${project.artifactId}}. */
    private static String jibImagePrefix() {
        Element root = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        var plugins = root.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return text(child(child(plugin, "configuration"), "to"), "image");
            }
        }
        throw new AssertionError("the root pom configures no jib-maven-plugin");
    }

    private static Document parse(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + pom, e);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
}
