package org.zhengpaopao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The application's copy of the engine's task mapping is the engine's file but for the blocks ADR 0042 marks: when an
 * engine upgrade changes the engine's {@code Task.xml}, this fails, and the copy is made again from the new file.
 */
class TaskQueryMappingTests {

	static final Pattern MARKED = Pattern.compile(
			"[ ]*<!-- zhengpaopao ADR 0042 begin.*?<!-- zhengpaopao ADR 0042 end -->\n", Pattern.DOTALL);

	/** what each marked block stands in for, in order */
	static final String[] ENGINE_BLOCKS = { """
			      <if test="!authCheck.revokeAuthorizationCheckEnabled">   \s
			        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />\s
			        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
			      </if>
			""", """
			      <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />\s
			""", "" };

	@Test
	void shouldBeTheEnginesTaskMappingButForTheAuthorizationCheck() throws IOException {
		String copy = read(TaskQueryAuthorization.TASK_MAPPING);
		Matcher marked = MARKED.matcher(copy);
		StringBuilder restored = new StringBuilder();
		int block = 0;
		while (marked.find()) {
			marked.appendReplacement(restored, Matcher.quoteReplacement(ENGINE_BLOCKS[block++]));
		}
		marked.appendTail(restored);
		assertThat(block).isEqualTo(ENGINE_BLOCKS.length);
		assertThat(restored.toString()).isEqualTo(read(TaskQueryAuthorization.ENGINE_TASK_MAPPING));
	}

	@Test
	void shouldLoadTheCopyInPlaceOfTheEnginesTaskMapping() {
		assertThat(TaskQueryAuthorization.mappings()).contains("\"" + TaskQueryAuthorization.TASK_MAPPING + "\"")
			.doesNotContain("\"" + TaskQueryAuthorization.ENGINE_TASK_MAPPING + "\"");
	}

	static String read(String resource) throws IOException {
		try (InputStream in = TaskQueryMappingTests.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
