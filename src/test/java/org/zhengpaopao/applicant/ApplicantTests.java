package org.zhengpaopao.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.system.InvalidInputException;

class ApplicantTests {

	static final String ID = "330825198503121239";
	static final String CODE = "91330825MA2DB1234W";

	@Test
	void shouldTakeAPersonWhenNoKindIsGiven() {
		Applicant person = Applicant.parse(null, " 张三 ", ID, "", null, "13905701234");
		assertThat(person.type()).isEqualTo(ApplicantType.PERSON);
		assertThat(person.name()).isEqualTo("张三");
		assertThat(person.idNumber()).isEqualTo(ID);
		assertThat(person.creditCode()).isNull();
		assertThat(person.contactName()).isNull();
		assertThat(person.maskedIdNumber()).isEqualTo("330***********1239");
		assertThat(person.kindAndCompany()).isEqualTo("个人");
	}

	@Test
	void shouldTakeACompanyWithItsCreditCodeContactAndTheContactsPhone() {
		Applicant company = Applicant.parse(ApplicantType.COMPANY, "龙游县溪口竹木制品有限公司", null,
				"91330825ma2db1234w", "李红", "13905709876");
		assertThat(company.isCompany()).isTrue();
		assertThat(company.creditCode()).isEqualTo(CODE);
		assertThat(company.contactName()).isEqualTo("李红");
		assertThat(company.phone()).isEqualTo("13905709876");
		assertThat(company.idNumber()).isNull();
		assertThat(company.maskedIdNumber()).isNull();
		assertThat(company.kindAndCompany()).isEqualTo("企业：龙游县溪口竹木制品有限公司");
		assertThat(company.toString()).doesNotContain("李红", "13905709876");
	}

	@Test
	void shouldRefuseTheOtherKindsNumbersNamingTheField() {
		assertRefused(() -> Applicant.parse(ApplicantType.COMPANY, "某公司", ID, CODE, "李红", "13905709876"), "idNumber");
		assertRefused(() -> Applicant.parse(ApplicantType.PERSON, "张三", ID, CODE, null, "13905701234"), "creditCode");
		assertRefused(() -> Applicant.parse(null, "张三", ID, null, "李红", "13905701234"), "contactName");
	}

	@Test
	void shouldAskACompanyForItsCodeAndContact() {
		assertRefused(() -> Applicant.parse(ApplicantType.COMPANY, "某公司", null, null, "李红", "13905709876"),
				"creditCode");
		assertRefused(() -> Applicant.parse(ApplicantType.COMPANY, "某公司", null, CODE, " ", "13905709876"),
				"contactName");
		assertRefused(() -> Applicant.parse(ApplicantType.COMPANY, "某公司", null, CODE, "李红", "1390570987"), "phone");
		assertRefused(() -> Applicant.parse(ApplicantType.COMPANY, "某公司", null, "91330825MA2DB1234X", "李红",
				"13905709876"), "creditCode");
	}

	@Test
	void shouldNeverHoldAMixOfAPersonsAndACompanysNumbers() {
		assertThatThrownBy(() -> new Applicant(ApplicantType.COMPANY, "某公司", ID, CODE, "李红", "13905709876"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Applicant(ApplicantType.PERSON, "张三", ID, CODE, null, "13905701234"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Applicant(ApplicantType.COMPANY, "某公司", null, CODE, null, "13905709876"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	static void assertRefused(Runnable parse, String field) {
		assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo(field));
	}
}
