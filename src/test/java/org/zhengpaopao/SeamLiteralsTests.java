package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.application.ApplicationTask;
import org.zhengpaopao.assessment.RectificationTask;
import org.zhengpaopao.proxyrun.ProxyRunStepKind;
import org.zhengpaopao.proxyrun.ProxyRunTask;

/**
 * Task ids, step keys and group prefixes have one typed home each; a copy of one as a string literal in another
 * module is the silent seam these homes replaced, so the main sources are searched for such copies.
 */
class SeamLiteralsTests {

	static final Path MAIN = Path.of("src/main/java/org/zhengpaopao");

	@Test
	void shouldSpellProxyRunTaskIdsAndStepKeysOnlyInTheProxyRun() {
		Stream<String> words = Stream.concat(Arrays.stream(ProxyRunTask.values()).map(ProxyRunTask::id),
				Arrays.stream(ProxyRunStepKind.values()).map(ProxyRunStepKind::key));

		assertThat(filesOutside("proxyrun", quoted(words))).isEmpty();
	}

	@Test
	void shouldSpellApplicationAndRectificationTaskIdsOnlyInTheirModules() {
		assertThat(filesOutside("application", quoted(Arrays.stream(ApplicationTask.values()).map(ApplicationTask::id))))
			.isEmpty();
		assertThat(filesOutside("assessment",
				quoted(Arrays.stream(RectificationTask.values()).map(RectificationTask::id))))
			.isEmpty();
	}

	@Test
	void shouldBuildGroupNamesOnlyInGroups() {
		assertThat(files(Pattern.compile("\"(runners|liaison|dept|window)-"))).containsExactly(
				MAIN.resolve("identity/Groups.java"));
	}

	private static Pattern quoted(Stream<String> words) {
		return Pattern.compile("\"(" + String.join("|", words.map(Pattern::quote).toList()) + ")\"");
	}

	private static List<Path> filesOutside(String module, Pattern literal) {
		return files(literal).stream().filter(file -> !file.startsWith(MAIN.resolve(module))).toList();
	}

	private static List<Path> files(Pattern literal) {
		assertThat(MAIN).isDirectory();
		try (Stream<Path> sources = Files.walk(MAIN)) {
			return sources.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> literal.matcher(read(file)).find())
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
