package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the README a front door that fits on a screen and the documentation one web of pages that holds together:
 * every relative link resolves (to a heading too, when it names one), every {@code docs/….md} that code or
 * documents cite exists, the README's map lists every page, and its layout is the tree as it is. Plain files, no
 * Spring.
 */
class DocumentationTests {

	static final Path README = Path.of("README.md");
	static final Path DOCS = Path.of("docs");
	static final Path MAIN_PACKAGES = Path.of("src/main/java/org/zhengpaopao");
	/** top-level folders that are not part of the source tree: build output, the demo database, npm installs */
	static final Set<String> NOT_SOURCE = Set.of("target", "data", "node_modules");

	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
	private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
	private static final Pattern CITED_PAGE = Pattern.compile("(?<![\\w/.-])docs/[\\w./-]+\\.md\\b");
	private static final Pattern LAYOUT_FOLDER = Pattern.compile("^([a-z][\\w-]*)/\\s");
	private static final Pattern LAYOUT_PACKAGE = Pattern.compile("^- `([a-z]+)` — ");

	@Test
	void shouldKeepTheReadmeWithinTwoHundredLines() throws IOException {
		assertThat(Files.readAllLines(README)).as("lines of README.md (move details into docs/)").hasSizeLessThanOrEqualTo(200);
	}

	@Test
	void shouldResolveEveryRelativeLinkOfTheReadmeAndTheDocs() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : markdownPages()) {
			for (String target : links(page)) {
				String problem = problemWith(page, target);
				if (problem != null) {
					broken.add(page + ": (" + target + ") " + problem);
				}
			}
		}
		assertThat(broken).as("links that lead nowhere").isEmpty();
	}

	@Test
	void shouldFindEveryDocsPageThatCodeOrDocumentsCite() throws IOException {
		List<String> missing = new ArrayList<>();
		List<Path> citing = new ArrayList<>(markdownPages());
		for (String root : List.of("src", "docker", "tools", ".ci")) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				files.filter(Files::isRegularFile)
					.filter(file -> !file.toString().contains("node_modules"))
					.filter(file -> file.getFileName().toString().matches(".*\\.(java|ya?ml|sql|js|css|html|json|md)|run|Dockerfile|lint-bpmn|render-bpmn"))
					.forEach(citing::add);
			}
		}
		for (Path file : citing) {
			Matcher cited = CITED_PAGE.matcher(read(file));
			while (cited.find()) {
				if (!Files.isRegularFile(Path.of(cited.group()))) {
					missing.add(file + " cites " + cited.group());
				}
			}
		}
		assertThat(missing).as("docs pages cited but not there").isEmpty();
	}

	@Test
	void shouldMapEveryDocsPageInTheReadme() throws IOException {
		Set<String> linked = new TreeSet<>();
		for (String target : links(README)) {
			linked.add(Path.of(target.replaceFirst("#.*", "")).normalize().toString());
		}
		try (Stream<Path> pages = Files.list(DOCS)) {
			assertThat(pages.filter(page -> page.toString().endsWith(".md")).map(Path::toString).sorted())
				.as("pages under docs/ that the README's map does not link").allMatch(linked::contains);
		}
		assertThat(linked).as("the README's map links the decision records").contains("docs/adr");
	}

	@Test
	void shouldNameExactlyTheTopLevelFoldersInTheReadmeLayout() throws IOException {
		Set<String> named = new TreeSet<>();
		for (String line : codeBlockOf(section(README, "Layout"))) {
			Matcher folder = LAYOUT_FOLDER.matcher(line);
			if (folder.find()) {
				named.add(folder.group(1));
			}
		}
		Set<String> actual = new TreeSet<>();
		try (Stream<Path> entries = Files.list(Path.of("."))) {
			entries.filter(Files::isDirectory)
				.map(entry -> entry.getFileName().toString())
				.filter(name -> !name.startsWith(".") && !NOT_SOURCE.contains(name))
				.forEach(actual::add);
		}
		assertThat(named).as("top-level folders in the README's layout").isEqualTo(actual);
	}

	@Test
	void shouldNameExactlyTheFeaturePackagesInTheReadmeLayout() throws IOException {
		Set<String> named = new TreeSet<>();
		for (String line : section(README, "Layout")) {
			Matcher pkg = LAYOUT_PACKAGE.matcher(line);
			if (pkg.find()) {
				named.add(pkg.group(1));
			}
		}
		Set<String> actual = new TreeSet<>();
		try (Stream<Path> entries = Files.list(MAIN_PACKAGES)) {
			entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString()).forEach(actual::add);
		}
		assertThat(named).as("packages under org.zhengpaopao in the README's layout").isEqualTo(actual);
	}

	/** Why a link leads nowhere, or null when it leads somewhere. */
	private static String problemWith(Path page, String target) throws IOException {
		if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
			return null; // http:, https:, mailto: — not ours to check here
		}
		int hash = target.indexOf('#');
		String file = hash < 0 ? target : target.substring(0, hash);
		String anchor = hash < 0 ? null : target.substring(hash + 1);
		Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
		if (!Files.exists(resolved)) {
			return "no such file: " + resolved;
		}
		if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
			return "no heading with the anchor #" + anchor + " in " + resolved;
		}
		return null;
	}

	private static List<Path> markdownPages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(README));
		try (Stream<Path> files = Files.walk(DOCS)) {
			files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	/** Link targets outside fenced code blocks and inline code. */
	static List<String> links(Path page) throws IOException {
		List<String> targets = new ArrayList<>();
		for (String line : prose(page)) {
			Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
			while (link.find()) {
				targets.add(link.group(1));
			}
		}
		return targets;
	}

	/** The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as dashes. */
	static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new TreeSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : prose(page)) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String slug = heading.group(1).replace("`", "").toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
				int count = seen.merge(slug, 1, Integer::sum);
				anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
			}
		}
		return anchors;
	}

	/** The lines of a page outside fenced code blocks. */
	private static List<String> prose(Path page) throws IOException {
		List<String> lines = new ArrayList<>();
		boolean fenced = false;
		for (String line : Files.readAllLines(page)) {
			if (line.stripLeading().startsWith("```")) {
				fenced = !fenced;
			} else if (!fenced) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** The lines under a "## title" heading, up to the next heading of that level. */
	private static List<String> section(Path page, String title) throws IOException {
		List<String> lines = Files.readAllLines(page);
		int start = lines.indexOf("## " + title);
		assertThat(start).as("section \"## " + title + "\" in " + page).isNotNegative();
		int end = start + 1;
		while (end < lines.size() && !lines.get(end).startsWith("## ")) {
			end++;
		}
		return lines.subList(start + 1, end);
	}

	private static List<String> codeBlockOf(List<String> lines) {
		List<String> code = new ArrayList<>();
		boolean inside = false;
		for (String line : lines) {
			if (line.startsWith("```")) {
				if (inside) {
					return code;
				}
				inside = true;
			} else if (inside) {
				code.add(line);
			}
		}
		return code;
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // lenient: the bad-input corpus is not all UTF-8
		} catch (IOException e) {
			throw new UncheckedIOException(file.toString(), e);
		}
	}
}
