package org.zhengpaopao.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhengpaopao.system.InvalidInputException;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = {
			// the sample code of GB 32100-2015
			"91350100M000100Y43",
			// codes of the county's kind (9 = 工商, 1 = 企业, 330825 = 龙游县), check characters worked out by hand
			"91330825MA2DB1234W", "91330825307654321B", "92330825MA2AB00013", "123308250024961572",
			// Σ mod 31 = 0: the check character is 0, not the 32nd character the alphabet lacks
			"913308257500000250" })
	void shouldAcceptCodesWithTheRightCheckCharacter(String code) {
		assertThat(CreditCode.parse(code, "creditCode").value()).isEqualTo(code);
	}

	@Test
	void shouldReadTheCodeInOneSpellingAsTheWindowTypesIt() {
		assertThat(CreditCode.parse(" 91350100m000100y43\u3000", "creditCode").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.parse("９１３５０１００Ｍ０００１００Ｙ４３", "creditCode").value()).isEqualTo("91350100M000100Y43");
		assertThat(CreditCode.parse("91350100M000\u200b100Y43", "creditCode").value()).isEqualTo("91350100M000100Y43");
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y42", "91350100M000100Y4A", "91330825MA2DB1234X", "91330825MA2DB1234Y",
			"913308257500000251" })
	void shouldRefuseAWrongCheckCharacterNamingTheFieldInChinese(String code) {
		assertThatThrownBy(() -> CreditCode.parse(code, "creditCode"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("creditCode");
				assertThat(e.bilingualMessage()).contains("统一社会信用代码校验位").contains("check character");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y4", "91350100M000100Y433", "913501", "91350100-M000100Y4",
			// the letters GB 32100 leaves out, so that they are not taken for 1, 0, 2, 5 and U
			"91350100I000100Y43", "91350100O000100Y43", "91350100Z000100Y43", "91350100S000100Y43",
			"91350100V000100Y43" })
	void shouldRefuseAWrongLengthOrAForbiddenCharacter(String code) {
		assertThatThrownBy(() -> CreditCode.parse(code, "creditCode"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("creditCode");
				assertThat(e.bilingualMessage()).contains("18位").contains("I、O、Z、S、V");
			});
	}

	@Test
	void shouldAskForTheCodeWhenNoneIsGiven() {
		for (String none : new String[] { null, "", "   " }) {
			assertThatThrownBy(() -> CreditCode.parse(none, "creditCode")).isInstanceOfSatisfying(
					InvalidInputException.class, e -> assertThat(e.bilingualMessage()).contains("须填写统一社会信用代码"));
		}
	}

	@Test
	void shouldWorkOutTheCheckCharacterOfTheStandardsSample() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
	}
}
