package org.zhengpaopao.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CommitmentSamplerTests {

	@Test
	void shouldDrawAboutTheConfiguredShareOfCommitments() {
		CommitmentSampler sampler = new CommitmentSampler(0.2, new Random(20181));

		long drawn = IntStream.range(0, 10_000).filter(i -> sampler.draw()).count();

		// 10,000 draws at 20 %: the standard deviation is 40, so ±200 is five of them
		assertThat(drawn).isBetween(1_800L, 2_200L);
	}

	@Test
	void shouldDrawAllOrNoneAtTheEnds() {
		assertThat(IntStream.range(0, 1_000).allMatch(i -> new CommitmentSampler(1.0, new Random(i)).draw())).isTrue();
		assertThat(IntStream.range(0, 1_000).noneMatch(i -> new CommitmentSampler(0.0, new Random(i)).draw())).isTrue();
	}

	@Test
	void shouldRefuseARateThatIsNotAShare() {
		assertThatThrownBy(() -> new CommitmentSampler(20, new Random())).isInstanceOf(IllegalArgumentException.class);
	}
}
