package org.zhengpaopao.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.system.InvalidInputException;

class IdNumberTests {

	@Test
	void shouldAcceptNumbersWithTheRightCheckDigit() {
		assertThat(IdNumber.parse("330825198503121239", "idNumber").value()).isEqualTo("330825198503121239");
		// the published sample number of GB 11643, with check character X
		assertThat(IdNumber.parse("11010519491231002x", "idNumber").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void shouldRefuseAWrongCheckDigitNamingTheField() {
		assertThatThrownBy(() -> IdNumber.parse("330825198503121238", "idNumber"))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("idNumber");
				assertThat(e.bilingualMessage()).contains("校验位").contains("check digit");
			});
	}

	@Test
	void shouldRefuseMalformedNumbersAndImpossibleBirthDates() {
		assertThatThrownBy(() -> IdNumber.parse("33082519850312123", "idNumber")).hasMessageContaining("18");
		assertThatThrownBy(() -> IdNumber.parse("33082519850231123X", "idNumber"))
			.hasMessageContaining("date of birth");
		assertThatThrownBy(() -> IdNumber.parse(null, "idNumber")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void shouldNeverPrintTheFullNumber() {
		IdNumber id = IdNumber.parse("330825198503121239", "idNumber");
		assertThat(id.toString()).isEqualTo("330***********1239").doesNotContain("19850312");
		assertThat(PhoneNumber.mask("13905701234")).isEqualTo("139****1234");
	}
}
